package ru.kredo.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Kredo writes a CSV: for Excel (UTF-8 with a BOM, «;»), and safe to open there. A text cell that a
 * spreadsheet would read as a formula — one starting, after any spaces, with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab, CR or LF — is written with a leading {@code '} (OWASP's "CSV injection" rule), so that an e-mail
 * {@code =HYPERLINK(…)} or a header cell {@code +cmd} from an uploaded file is shown, never run. Every text is
 * treated so, «-500» and «+7 916…» included: a text cannot be told safe by its look, and the apostrophe keeps Excel
 * from turning a phone into a number. Numbers Kredo itself computed ({@link Number} cells) are written as they are
 * ({@code docs/inputs.md}).
 */
public final class CsvExport implements Closeable {

	private final CSVPrinter printer;

	private CsvExport(CSVPrinter printer) {
		this.printer = printer;
	}

	/** Starts the file: the BOM, so that Excel reads UTF-8. */
	public static CsvExport excel(Writer out) throws IOException {
		out.write('\uFEFF');
		return new CsvExport(CSVFormat.EXCEL.builder().setDelimiter(';').get().print(out));
	}

	public void row(Object... cells) throws IOException {
		Object[] safe = new Object[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = cells[i] == null || cells[i] instanceof Number ? cells[i] : neutralised(cells[i].toString());
		}
		printer.printRecord(safe);
	}

	/**
	 * A whole file in memory: a first line saying what it holds (an export of personal data says so), the header,
	 * then the rows.
	 */
	public static byte[] write(String statement, List<String> header, List<? extends List<?>> rows) {
		java.io.StringWriter out = new java.io.StringWriter();
		try (CsvExport csv = excel(out)) {
			csv.row(statement);
			csv.row(header.toArray());
			for (List<?> row : rows) {
				csv.row(row.toArray());
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The text as a spreadsheet shows it and never evaluates it. */
	public static String neutralised(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n') {
				return "'" + text;
			}
			if (c != ' ') {
				return text;
			}
		}
		return text;
	}

	@Override
	public void close() throws IOException {
		printer.close();
	}
}
