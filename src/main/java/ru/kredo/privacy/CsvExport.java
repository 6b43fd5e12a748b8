package ru.kredo.privacy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An export of people's data as CSV for Excel (UTF-8 with BOM, {@code ;}): first a line that says what the file holds
 * (its columns, that it is personal data, who exported it and when), then the header and the rows. Every cell is
 * neutralised against formula injection: a cell that starts with {@code = + - @}, a tab or a carriage return and is
 * not a plain number or phone gets a leading apostrophe, so Excel shows it as text instead of evaluating it.
 * <p>
 * Kept small and static so that it can give way to a shared CSV writer in {@code platform} without touching callers'
 * logic: only {@link #cell} carries the rule.
 */
public final class CsvExport {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9 ().,-]*");

	private CsvExport() {
	}

	public static byte[] write(String statement, List<String> header, List<? extends List<?>> rows) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter csv = CSVFormat.EXCEL.builder().setDelimiter(';').get().print(out)) {
			csv.printRecord(cell(statement));
			csv.printRecord(header.stream().map(CsvExport::cell).toList());
			for (List<?> row : rows) {
				csv.printRecord(row.stream().map(CsvExport::cell).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The cell as written: {@code null} empty, a formula-looking text behind an apostrophe. */
	public static String cell(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
			return text;
		}
		return "'" + text;
	}
}
