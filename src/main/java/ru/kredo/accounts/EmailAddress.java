package ru.kredo.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/** A user's login: a plausible e-mail address, kept and compared in its {@linkplain #normalize normal form}. */
public record EmailAddress(String value) implements java.io.Serializable {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public EmailAddress {
		value = normalize(value);
		if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
			throw new Rejected("user.email-invalid");
		}
	}

	/**
	 * The one form of a typed login, wherever one is stored, looked up or counted (the sign-in limits): NFKC (full-width
	 * and other compatibility letters become plain ones), trimmed, lower case in no locale's rules, and the Turkish
	 * İ and ı made a plain i (lower-casing İ leaves i and a combining dot, U+0307, which is dropped). Without it
	 * {@code admİn@…} was another login to the limits but the same one to the database's {@code lower()}.
	 */
	public static String normalize(String typed) {
		if (typed == null) {
			return "";
		}
		String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
			.replace("\u0307", "")
			.replace('\u0131', 'i');
		return Normalizer.normalize(folded, Normalizer.Form.NFC);
	}

	/**
	 * A login for a new account: a plausible e-mail address that cannot pass for another one on screen. Refused with
	 * {@code user.email-lookalike}: an invisible or control character anywhere (a zero-width space, a soft hyphen, a
	 * right-to-left mark, a no-break space), or a part (between «@» and dots) that mixes alphabets — Latin «a» and
	 * Cyrillic «а» look alike, so {@code сollector@…} with a Cyrillic «с» would read as {@code collector@…}. A part
	 * wholly in one alphabet ({@code иван@пример.рф}, {@code ivan@пример.рф}) is fine. Logins made before keep working.
	 */
	public static EmailAddress forNewAccount(String typed) {
		EmailAddress address = new EmailAddress(typed);
		String value = address.value();
		if (value.codePoints().anyMatch(EmailAddress::invisible)) {
			throw new Rejected("user.email-lookalike");
		}
		for (String part : value.split("[@.]")) {
			if (part.codePoints().mapToObj(Character.UnicodeScript::of)
				.filter(script -> script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED)
				.distinct().count() > 1) {
				throw new Rejected("user.email-lookalike");
			}
		}
		return address;
	}

	private static boolean invisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
			default -> false;
		};
	}

	@Override
	public String toString() {
		return value;
	}
}
