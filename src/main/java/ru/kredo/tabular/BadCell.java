package ru.kredo.tabular;

import ru.kredo.platform.Rejected;

/** A cell that does not read: the column it is under, as the file headed it, and why. Thrown to give up on a row. */
public final class BadCell extends RuntimeException {

	private final String column;
	private final transient Rejected rejected;

	public BadCell(String column, Rejected rejected) {
		super(rejected.code(), null, false, false);
		this.column = column;
		this.rejected = rejected;
	}

	public String column() {
		return column;
	}

	public Rejected rejected() {
		return rejected;
	}

	/** The error of the row at {@code line}. */
	public RowError at(long line) {
		return RowError.of(line, column, rejected);
	}
}
