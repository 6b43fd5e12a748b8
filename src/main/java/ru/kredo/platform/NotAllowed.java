package ru.kredo.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An authenticated caller asking for something his role or tenant may not do: 403 with a stable code. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotAllowed extends RuntimeException {

	private final String code;

	public NotAllowed(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
