package ru.kredo.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/** A user's login: a plausible e-mail address, compared case-insensitively. */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public EmailAddress {
		value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
			throw new Rejected("user.email-invalid");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
