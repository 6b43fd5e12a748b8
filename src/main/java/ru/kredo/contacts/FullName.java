package ru.kredo.contacts;

import java.util.Locale;

import ru.kredo.platform.Rejected;

/**
 * Фамилия, имя, отчество as written, and the normalized form used for matching: lower case, ё as е, without spaces,
 * hyphens and apostrophes. The patronymic may be absent.
 */
public record FullName(String lastName, String firstName, String middleName) implements java.io.Serializable {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	public FullName {
		lastName = part(lastName, "contact.last-name-invalid", true);
		firstName = part(firstName, "contact.first-name-invalid", true);
		middleName = part(middleName, "contact.middle-name-invalid", false);
	}

	public String display() {
		return middleName == null ? lastName + " " + firstName : lastName + " " + firstName + " " + middleName;
	}

	/** The form two spellings of one name share: «Семёнова-Тян Анна» and «СЕМЕНОВА ТЯН анна» are one. */
	public String normalized() {
		return normalize(lastName) + "|" + normalize(firstName) + "|" + (middleName == null ? "" : normalize(middleName));
	}

	// Character loops rather than regular expressions: every credit event's name goes through here (measured: 16%
	// of the CPU of reading a bureau's batch with the expressions); FullNameTests holds the expressions as the spec.
	static String normalize(String part) {
		// Russian and Latin letters, as nearly every name is: one pass. Anything else (Greek, whose Σ lowers by its
		// place in the word, or a letter that lowers to two) is lowered by String's rules first.
		char[] kept = new char[part.length()];
		int n = 0;
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c >= 'А' && c <= 'я') {
				kept[n++] = c <= 'Я' ? (char) (c + ('а' - 'А')) : c;
			}
			else if (c == 'ё' || c == 'Ё') {
				kept[n++] = 'е';
			}
			else if (c >= 'a' && c <= 'z') {
				kept[n++] = c;
			}
			else if (c >= 'A' && c <= 'Z') {
				kept[n++] = (char) (c + ('a' - 'A'));
			}
			else if (!(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '.' || c == '\''
					|| c == '’' || c == '-')) {
				return lowered(part);
			}
		}
		return new String(kept, 0, n);
	}

	/**
	 * {@link #normalized()} as UTF-8, written into the array from its start, for blind indexes computed by the million
	 * (every event of a bureau's feed): no strings on the way. Returns the length, or -1 if a part holds anything
	 * {@link #normalize} lowers by String's rules (then take {@link #normalized()}). The array must hold two bytes per
	 * character of the parts, and two more.
	 */
	public int normalizedUtf8(byte[] into) {
		int n = normalizeUtf8(lastName, into, 0);
		if (n >= 0) {
			into[n++] = '|';
			n = normalizeUtf8(firstName, into, n);
		}
		if (n >= 0) {
			into[n++] = '|';
			n = middleName == null ? n : normalizeUtf8(middleName, into, n);
		}
		return n;
	}

	// normalize's one pass over Russian and Latin letters, writing UTF-8: а-я are two bytes, D0 B0 to D1 8F.
	private static int normalizeUtf8(String part, byte[] into, int at) {
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c >= 'А' && c <= 'я' || c == 'ё' || c == 'Ё') {
				char lower = c == 'ё' || c == 'Ё' ? 'е' : c <= 'Я' ? (char) (c + ('а' - 'А')) : c;
				into[at++] = (byte) (0xC0 | lower >> 6);
				into[at++] = (byte) (0x80 | lower & 0x3F);
			}
			else if (c >= 'a' && c <= 'z') {
				into[at++] = (byte) c;
			}
			else if (c >= 'A' && c <= 'Z') {
				into[at++] = (byte) (c + ('a' - 'A'));
			}
			else if (!(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '.' || c == '\''
					|| c == '’' || c == '-')) {
				return -1;
			}
		}
		return at;
	}

	private static String lowered(String part) {
		String lower = part.toLowerCase(RUSSIAN);
		char[] kept = new char[lower.length()];
		int n = 0;
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			switch (c) {
				case ' ', '\t', '\n', '\u000B', '\f', '\r', '.', '\'', '’', '-' -> {
				}
				case 'ё' -> kept[n++] = 'е';
				default -> kept[n++] = c;
			}
		}
		return new String(kept, 0, n);
	}

	private static String part(String value, String error, boolean required) {
		String trimmed = value == null ? "" : collapseSpaces(value.strip());
		if (trimmed.isEmpty()) {
			if (required) {
				throw new Rejected(error);
			}
			return null;
		}
		if (!wellFormed(trimmed)) {
			throw new Rejected(error);
		}
		return trimmed;
	}

	// Runs of ASCII whitespace become one space.
	private static String collapseSpaces(String value) {
		if (singleSpaced(value)) {
			return value;
		}
		StringBuilder collapsed = new StringBuilder(value.length());
		boolean inRun = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
			if (!space) {
				collapsed.append(c);
			}
			else if (!inRun) {
				collapsed.append(' ');
			}
			inRun = space;
		}
		return collapsed.toString();
	}

	private static boolean singleSpaced(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ' && i > 0 && value.charAt(i - 1) == ' ') {
				return false;
			}
		}
		return true;
	}

	// A letter, then at most 99 letters, spaces, dots, apostrophes and hyphens.
	private static boolean wellFormed(String value) {
		int count = 0;
		for (int i = 0; i < value.length(); ) {
			int c = value.codePointAt(i);
			boolean letter = Character.isAlphabetic(c);
			if (count == 0 ? !letter : !(letter || c == ' ' || c == '.' || c == '\'' || c == '’' || c == '-')) {
				return false;
			}
			count++;
			i += Character.charCount(c);
		}
		return count <= 100;
	}
}
