package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class CsvExportTests {

	@Test
	void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
		for (String formula : new String[] { "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
				"\t=1", "\r=1", "  =1" }) {
			assertThat(CsvExport.neutralised(formula)).as(formula).isEqualTo("'" + formula);
		}
		assertThat(CsvExport.neutralised("anna@example.ru")).isEqualTo("anna@example.ru");
		assertThat(CsvExport.neutralised("Семёнова")).isEqualTo("Семёнова");
		assertThat(CsvExport.neutralised("")).isEmpty();
	}

	@Test
	void writesExcelsCsvWithEveryTextCellNeutralisedAndNumbersAsTheyAre() throws IOException {
		StringWriter out = new StringWriter();
		try (CsvExport csv = CsvExport.excel(out)) {
			csv.row("=1+1", -500, null, "a;b");
		}

		assertThat(out.toString()).isEqualTo("\uFEFF'=1+1;-500;;\"a;b\"\r\n");
	}

	@Test
	void aWholeFileSaysWhatItHoldsBeforeItsHeader() {
		String csv = new String(CsvExport.write("Персональные данные", java.util.List.of("Фамилия", "Телефон"),
				java.util.List.of(java.util.List.of("=1+2", "+79165551234"))), java.nio.charset.StandardCharsets.UTF_8);

		assertThat(csv).isEqualTo("\uFEFFПерсональные данные\r\nФамилия;Телефон\r\n'=1+2;'+79165551234\r\n");
	}
}
