package ru.kredo.accounts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;

import ru.kredo.platform.Rejected;

/**
 * What a staff password must be, wherever one is set (an admin adding a user, {@code tenant create --admin-password},
 * the demo's users — all through {@link NewUser}): at least {@value #MIN_LENGTH} characters, not only blanks, not the
 * user's e-mail, its part before the «@» or his name, and not guessable — zxcvbn (Dropbox's estimator, the zxcvbn4j
 * port, which ships the lists of the most common passwords, English words and names, keyboard walks, dates and
 * repeats) must score it at least {@value #MIN_SCORE} of 4, i.e. more than about a million guesses; the e-mail and the
 * name count as known words. A password typed in the Russian layout is also checked as the Latin keys it was typed
 * on («пароль» is «gfhjkm», «йцукен» is «qwerty»). The longest length is another check's.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;
	static final int MIN_SCORE = 2;

	private static final Zxcvbn ZXCVBN = new Zxcvbn();
	private static final String RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё";
	private static final String LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

	private PasswordPolicy() {
	}

	/** Refuses a weak password with {@code user.password-*}; {@code email} and {@code name} may be null. */
	public static void check(String password, String email, String name) {
		check(password, email, name, null);
	}

	/**
	 * As {@link #check(String, String, String)}, the user's organisation's name ({@code ООО «Ромашка»}) being a
	 * known word too: it is on every letter and invoice, the first thing a guesser tries. May be null.
	 */
	public static void check(String password, String email, String name, String organisation) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new Rejected("user.password-too-short", MIN_LENGTH);
		}
		if (password.isBlank()) {
			throw new Rejected("user.password-blank");
		}
		List<String> personal = personal(email, name);
		if (organisation != null && !organisation.isBlank()) {
			personal.add(organisation.strip());
			personal.addAll(words(organisation));
			personal.add(String.join("", words(organisation)));
		}
		String folded = fold(password);
		if (personal.stream().map(PasswordPolicy::fold).filter(word -> !word.isEmpty()).anyMatch(folded::equals)) {
			throw new Rejected("user.password-like-login");
		}
		int score = Math.min(ZXCVBN.measure(password, personal).getScore(),
				ZXCVBN.measure(latinKeys(password), personal).getScore());
		if (score < MIN_SCORE) {
			throw new Rejected("user.password-too-common");
		}
	}

	// The e-mail, its local part and its words, the name and its words: what a password must not be or lean on.
	private static List<String> personal(String email, String name) {
		List<String> inputs = new ArrayList<>();
		if (email != null && !email.isBlank()) {
			String address = email.strip();
			inputs.add(address);
			int at = address.indexOf('@');
			if (at > 0) {
				inputs.add(address.substring(0, at));
				inputs.addAll(words(address.substring(0, at)));
			}
		}
		if (name != null && !name.isBlank()) {
			inputs.add(name.strip());
			inputs.addAll(words(name));
		}
		return inputs;
	}

	private static List<String> words(String text) {
		return List.of(text.split("[^\\p{L}\\p{N}]+")).stream().filter(word -> word.length() >= 3).toList();
	}

	// Compatibility forms (full-width «ｍａｒｉｎａ»), blanks, invisible format characters and punctuation aside: the
	// same word typed another way is the same word.
	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}\\p{Cf}\\p{P}]+", "")
			.toLowerCase(Locale.ROOT);
	}

	private static String latinKeys(String password) {
		StringBuilder keys = new StringBuilder(password.length());
		for (char c : password.toCharArray()) {
			int at = RUSSIAN_KEYS.indexOf(Character.toLowerCase(c));
			keys.append(at < 0 ? c : LATIN_KEYS.charAt(at));
		}
		return keys.toString();
	}
}
