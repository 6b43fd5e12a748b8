package ru.kredo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTests {

	@Test
	void aCellThatLooksLikeAFormulaIsWrittenAsText() {
		assertThat(CsvExport.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExport.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
		assertThat(CsvExport.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
		assertThat(CsvExport.cell("\t=1+1")).isEqualTo("'\t=1+1");
	}

	@Test
	void numbersPhonesAndPlainTextStayAsTheyAre() {
		assertThat(CsvExport.cell("+79165551234")).isEqualTo("+79165551234");
		assertThat(CsvExport.cell("-12,50")).isEqualTo("-12,50");
		assertThat(CsvExport.cell("Семёнова")).isEqualTo("Семёнова");
		assertThat(CsvExport.cell(null)).isNull();
	}

	@Test
	void theFileSaysWhatItHoldsBeforeTheHeader() {
		String csv = new String(CsvExport.write("Персональные данные", List.of("Фамилия", "Телефон"),
				List.of(List.of("=1+2", "+79165551234"))), StandardCharsets.UTF_8);

		assertThat(csv).isEqualTo("\uFEFFПерсональные данные\r\nФамилия;Телефон\r\n'=1+2;+79165551234\r\n");
	}
}
