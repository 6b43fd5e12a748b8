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

	/**
	 * A full-width sign (an East Asian keyboard's «＝», «＋», «－», «＠», which Excel takes as the plain one) or any
	 * other blank before the sign (a no-break space, an ideographic space, a zero-width space or a BOM a CRM pasted in)
	 * does not let a formula through.
	 */
	@Test
	void aFormulaBehindAFullWidthSignOrAnotherBlankIsWrittenAsTextToo() {
		for (String formula : new String[] { "\uFF1DHYPERLINK(\"http://x\")", "\uFF0Bcmd|' /C calc'!A0", "\uFF0D2+3",
				"\uFF20SUM(A1)", "\uFE66HYPERLINK(\"http://x\")", "\uFE62cmd", "\uFE63cmd", "\uFE6BSUM(A1)",
				"\u00A0=1+1", "\u3000=1+1", "\u200B=1+1", "\uFEFF=1+1", "\u2007 =1+1", "\u2212" + "2+3", "\u000B=1",
				"\u000C=1" }) {
			assertThat(CsvExport.neutralised(formula)).as(formula).isEqualTo("'" + formula);
		}
		assertThat(CsvExport.neutralised("\u00A0Анна")).isEqualTo("\u00A0Анна");
		assertThat(CsvExport.neutralised("\uFF21BC")).isEqualTo("\uFF21BC");
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
