package ru.kredo.documents;

import ru.kredo.platform.Rejected;

/** The one check every name and number on a certificate passes: present and of a sane length. */
final class Text {

	static final int MAX_LENGTH = 500;

	private Text() {
	}

	static String required(String value, String code) {
		if (value == null || value.isBlank() || value.strip().length() > MAX_LENGTH) {
			throw new Rejected(code);
		}
		return value.strip().replaceAll("\\s+", " ");
	}
}
