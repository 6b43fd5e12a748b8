package ru.kredo.tabular;

import java.util.Arrays;
import java.util.List;

import ru.kredo.platform.Rejected;

/**
 * A rejected row: its line in the file (the header is line 1), the column as headed there, and why — a code that is
 * also a message key under {@code error.}, with its arguments. Never carries a person's data.
 */
public record RowError(long line, String column, String code, List<String> args) {

	public RowError {
		args = List.copyOf(args);
	}

	/** The row at {@code line} refused for what {@code rejected} says about the cell under {@code column}. */
	public static RowError of(long line, String column, Rejected rejected) {
		return new RowError(line, column, rejected.code(),
				Arrays.stream(rejected.arguments()).map(String::valueOf).toList());
	}

	/** The message key for the reason. */
	public String messageKey() {
		return "error." + code;
	}

	public Object[] arguments() {
		return args.toArray();
	}
}
