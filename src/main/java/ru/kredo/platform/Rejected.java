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
	}

	/** The stable machine-readable code; also the message key {@code error.<code>}. */
	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
