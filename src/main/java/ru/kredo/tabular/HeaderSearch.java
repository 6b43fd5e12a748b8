package ru.kredo.tabular;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finds the header among a file's first rows: registries from banks often open with a title, a date or the
 * assignment contract's number above it. The first of the first {@link #ROWS} rows that looks like a header is the
 * header; if none does, the first row is (and the import refuses it, naming the columns it saw). Rows read past the
 * header are handed out again before the rest of the file.
 */
final class HeaderSearch {

	static final int ROWS = 20;

	private final Deque<SourceRow> pending = new ArrayDeque<>();
	private final List<String> header;

	/** @param next the file's next row, {@code null} at its end */
	HeaderSearch(Supplier<SourceRow> next, Predicate<List<String>> isHeader) {
		List<SourceRow> top = new ArrayList<>();
		for (SourceRow row = next.get(); row != null; row = top.size() < ROWS ? next.get() : null) {
			top.add(row);
			if (isHeader.test(row.values())) {
				break;
			}
		}
		int found = top.isEmpty() || !isHeader.test(top.getLast().values()) ? 0 : top.size() - 1;
		this.header = top.isEmpty() ? null : top.get(found).values();
		pending.addAll(top.subList(Math.min(found + 1, top.size()), top.size()));
	}

	/** The header's cells, or {@code null} for a file without a row. */
	List<String> header() {
		return header;
	}

	/** A row read ahead and not handed out yet, or {@code null}. */
	SourceRow pending() {
		return pending.poll();
	}
}
