package ru.kredo.contacts;

/**
 * Identifiers typed as digits with separators, read without regular expressions (they ran for every event of a
 * bureau's feed). Digits are ASCII {@code 0-9} and white space is ASCII's, as {@code \d} and {@code \s} match them.
 */
final class Digits {

	static final String WHITE_SPACE = " \t\n\u000B\f\r";
	static final String WHITE_SPACE_OR_HYPHEN = WHITE_SPACE + "-";

	private Digits() {
	}

	/** True if the text is exactly so many digits. */
	static boolean exactly(String text, int count) {
		if (text == null || text.length() != count) {
			return false;
		}
		for (int i = 0; i < count; i++) {
			if (!digit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The text with the separators taken out; it is the input itself if it had none. */
	static String withoutSeparators(String text, String separators) {
		if (text == null) {
			return "";
		}
		int i = 0;
		while (i < text.length() && separators.indexOf(text.charAt(i)) < 0) {
			i++;
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length()).append(text, 0, i);
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (separators.indexOf(c) < 0) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}
}
