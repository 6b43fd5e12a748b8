package ru.kredo.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Kredo writes a CSV: for Excel (UTF-8 with a BOM, «;»), and safe to open there. A text cell that a
 * spreadsheet would read as a formula — one starting, after any blanks, with {@code =}, {@code +}, {@code -},
 * {@code @} (in any width: {@link #neutralised}), a tab, CR or LF — is written with a leading {@code '} (OWASP's "CSV injection" rule), so that an e-mail
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

	/**
	 * The text as a spreadsheet shows it and never evaluates it. The first character that is not blank decides:
	 * blanks are every Unicode space (a no-break or ideographic space too), zero-width and other format characters (a
	 * stray BOM); a sign is {@code = + - @} in any width or size Unicode folds to it (NFKC: the full-width «＝», which
	 * Excel on an East Asian keyboard reads as «=», the small «﹦») and the minus sign «−»; a tab, CR, LF, vertical tab
	 * or form feed starts a formula too.
	 */
	public static String neutralised(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\f' || isSign(c)) {
				return "'" + text;
			}
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
				return text;
			}
		}
		return text;
	}

	private static boolean isSign(char c) {
		if (c == '\u2212') { // minus sign
			return true;
		}
		String folded = c < 0x80 ? String.valueOf(c) : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
		return folded.length() == 1 && "=+-@".indexOf(folded.charAt(0)) >= 0;
	}

	@Override
	public void close() throws IOException {
		printer.close();
	}
}
