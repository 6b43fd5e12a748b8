package ru.kredo.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request the domain refuses, with a stable code and a message key that the web layer words in the user's
 * language ({@code messages.properties}).
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class Rejected extends RuntimeException {

	private final String code;
	private final Object[] arguments;

	public Rejected(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments.clone();
		// An amount is shown the Russian way in every message, page and API detail alike (26 366,15, never 26366.15).
		for (int i = 0; i < this.arguments.length; i++) {
			if (this.arguments[i] instanceof MessageArgument argument) {
				this.arguments[i] = argument.inMessages();
			}
		}
	}

	/** The stable machine-readable code; also the message key {@code error.<code>}. */
	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
