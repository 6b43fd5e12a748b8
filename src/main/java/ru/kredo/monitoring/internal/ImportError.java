package ru.kredo.monitoring.internal;

import java.util.List;

/** A rejected row: its line in the file (the header is line 1), the column as headed there, and why. */
public record ImportError(long line, String column, String code, List<String> args) {

	/** The message key for the reason. */
	public String messageKey() {
		return "error." + code;
	}

	public Object[] arguments() {
		return args.toArray();
	}
}
