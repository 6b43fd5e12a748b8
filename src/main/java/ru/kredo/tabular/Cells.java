package ru.kredo.tabular;

import java.util.Optional;
import java.util.function.Function;

import ru.kredo.platform.Rejected;

/**
 * Reads a row's cells through a {@link ColumnMap}: a parser that refuses a cell ({@link Rejected}) becomes a
 * {@link BadCell} naming the column, so the row can be reported by line and column.
 */
public final class Cells<F extends Enum<F>> {

	private final ColumnMap<F> columns;

	public Cells(ColumnMap<F> columns) {
		this.columns = columns;
	}

	public ColumnMap<F> columns() {
		return columns;
	}

	/** The field's first cell parsed; an absent column or a blank cell is empty. */
	public <T> Optional<T> optional(SourceRow row, F field, Function<String, T> parse) {
		Optional<Integer> column = columns.first(field);
		if (column.isEmpty() || row.get(column.get()).isBlank()) {
			return Optional.empty();
		}
		return Optional.of(read(row, column.get(), parse));
	}

	/** The field's first cell, stripped; empty when there is no such column. */
	public String text(SourceRow row, F field) {
		return columns.first(field).map(row::get).map(String::strip).orElse("");
	}

	public <T> T read(SourceRow row, int column, Function<String, T> parse) {
		return read(row.get(column), column, parse);
	}

	/** Parses a text found in {@code column} (a part of a cell, say). */
	public <T> T read(String text, int column, Function<String, T> parse) {
		try {
			return parse.apply(text);
		}
		catch (Rejected rejected) {
			throw new BadCell(columns.name(column), rejected);
		}
	}
}
