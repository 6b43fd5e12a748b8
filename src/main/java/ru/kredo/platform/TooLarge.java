package ru.kredo.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request refused for its size, such as an upload over its limit: a {@link Rejected} that the API answers with 413. */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
public class TooLarge extends Rejected {

	public TooLarge(String code, Object... arguments) {
		super(code, arguments);
	}
}
