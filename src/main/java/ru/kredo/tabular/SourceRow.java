package ru.kredo.tabular;

import java.util.List;

/** A row of a file: its line (1-based, the header is line 1 in a CSV; the sheet's row number in XLSX) and its cells as text. */
public record SourceRow(long line, List<String> values) {

	public SourceRow {
		values = List.copyOf(values);
	}

	/** The cell's text, or an empty text past the row's end. */
	public String get(int column) {
		return column < values.size() ? values.get(column) : "";
	}
}
