package ru.kredo.tabular;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rows of an upload that hold no record and are no mistake: a registry's «ИТОГО»/«Всего» row and what is written
 * under the table (a signature «Генеральный директор ____ Иванов», «М.П.», a date, dashes). A row is one only when
 * its key cells (the contract, the birth date…, given by the caller) are empty, or say «Итого» themselves; then it is
 * a total if a cell starts with «итог», «всего» or «total», and a footer if a cell reads like a signature or a stamp,
 * if it has nothing but dashes, underscores and zeros, or if it comes after a total or a footer. Such a row is skipped
 * and noted ({@code import.note.row-summary}, {@code import.note.row-footer}), not rejected. One instance per file:
 * it remembers whether the table has ended.
 */
public final class NonDataRows {

	public static final String SUMMARY = "import.note.row-summary";
	public static final String FOOTER = "import.note.row-footer";

	private static final Pattern TOTAL = Pattern
		.compile("(?iu)^\\W*(итого|итог|всего|total|totals|grand total|subtotal|sum total)(?!\\p{L}).*", Pattern.DOTALL);
	private static final Pattern SIGNATURE = Pattern.compile("(?iu)(_{3,}|(?<!\\p{L})(м\\.?\\s?п\\.?|генеральн\\p{L}*|"
			+ "директор(?:а|у|ом)?|бухгалтер(?:а|у|ом)?|руководител\\p{L}*|подпис\\p{L}*|исполнител\\p{L}*|"
			+ "уполномоченн\\p{L}*|представител\\p{L}*|доверенност\\p{L}*|печат\\p{L}*|должност\\p{L}*|"
			+ "расшифровк\\p{L}*|составил\\p{L}*|принял\\p{L}*|передал\\p{L}*|"
			+ "signature|signed|director|accountant|stamp|l\\.s\\.)(?!\\p{L}))");
	private static final Pattern NOTHING = Pattern.compile("[\\s\\p{Punct}\\p{Pd}_0\u00A0—–]*");

	private final List<Integer> keyColumns;
	private boolean tableEnded;

	/** @param keyColumns the columns every record fills (empty in a total or a footer) */
	public NonDataRows(List<Integer> keyColumns) {
		this.keyColumns = List.copyOf(keyColumns);
	}

	/** The note for a row to skip, or empty for a row to read as a record. */
	public Optional<RowError> skip(SourceRow row) {
		if (keyColumns.stream().map(row::get).noneMatch(NonDataRows::noKey)) {
			return Optional.empty();
		}
		List<String> cells = row.values().stream().filter(cell -> !cell.isBlank()).toList();
		String code;
		if (cells.stream().anyMatch(cell -> TOTAL.matcher(cell).matches())) {
			code = SUMMARY;
		}
		else if (tableEnded || cells.stream().anyMatch(cell -> SIGNATURE.matcher(cell).find())
				|| cells.stream().allMatch(cell -> NOTHING.matcher(cell).matches())) {
			code = FOOTER;
		}
		else {
			return Optional.empty();
		}
		tableEnded = true;
		return Optional.of(new RowError(row.line(), null, code, List.of()));
	}

	/** Whether a key cell holds no key: nothing, or a total's word, dashes, a signature line. */
	private static boolean noKey(String key) {
		return key.isBlank() || TOTAL.matcher(key).matches() || NOTHING.matcher(key).matches()
				|| SIGNATURE.matcher(key).find();
	}
}
