package ru.kredo.platform;

/**
 * Text from outside Kredo may not carry C0 control characters other than tab, CR and LF (which text areas send):
 * PostgreSQL refuses U+0000 in a text column outright, and the others have no business in a name, a note or an
 * e-mail. The web layer refuses them in every parameter and JSON string with {@code request.control-character}.
 */
public final class ControlCharacters {

	public static final String CODE = "request.control-character";

	private ControlCharacters() {
	}

	public static boolean containsForbidden(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
				return true;
			}
		}
		return false;
	}

	/** The text unchanged, or {@link Rejected} with {@link #CODE}. */
	public static String requireNone(String text) {
		if (containsForbidden(text)) {
			throw new Rejected(CODE);
		}
		return text;
	}
}
