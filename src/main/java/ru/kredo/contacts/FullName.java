package ru.kredo.contacts;

import java.util.Locale;
import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/**
 * Фамилия, имя, отчество as written, and the normalized form used for matching: lower case, ё as е, without spaces,
 * hyphens and apostrophes. The patronymic may be absent.
 */
public record FullName(String lastName, String firstName, String middleName) {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
	private static final Pattern IGNORED = Pattern.compile("[\\s.'’-]");
	private static final Pattern SPACES = Pattern.compile("\\s+");
	private static final Pattern PART = Pattern.compile("[\\p{IsAlphabetic}][\\p{IsAlphabetic} .'’-]{0,99}");

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

	static String normalize(String part) {
		return IGNORED.matcher(part.toLowerCase(RUSSIAN).replace('ё', 'е')).replaceAll("");
	}

	private static String part(String value, String error, boolean required) {
		String trimmed = value == null ? "" : SPACES.matcher(value.strip()).replaceAll(" ");
		if (trimmed.isEmpty()) {
			if (required) {
				throw new Rejected(error);
			}
			return null;
		}
		if (!PART.matcher(trimmed).matches()) {
			throw new Rejected(error);
		}
		return trimmed;
	}
}
