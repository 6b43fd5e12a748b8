package ru.kredo.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A thing that does not exist, or that belongs to another tenant: both are answered alike, with 404, so a tenant
 * cannot probe for another's ids.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	private final String code;

	public NotFound(String code, Object id) {
		super(code + " " + id);
		this.code = code;
	}

	/** The stable machine-readable code, such as {@code contact.not-found}. */
	public String code() {
		return code;
	}
}
