package ru.kredo.documents;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The code printed on a certificate, by which anyone checks it: 12 characters of Crockford's base32 (60 random
 * bits, far beyond guessing at the verification page's rate limit), shown as {@code XXXX-XXXX-XXXX}. Crockford's
 * alphabet has no I, L, O or U, so a code read aloud or typed from paper survives; {@link #parse} forgives those
 * slips and lower case.
 */
public record VerificationCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
	private static final RandomGenerator RANDOM = new SecureRandom();

	public VerificationCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a verification code: " + value);
		}
	}

	public static VerificationCode random() {
		return random(RANDOM);
	}

	static VerificationCode random(RandomGenerator random) {
		StringBuilder code = new StringBuilder(14);
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new VerificationCode(code.toString());
	}

	/** What a person typed, in any case, with or without dashes and spaces; empty when it cannot be a code. */
	public static Optional<VerificationCode> parse(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
			.replace('O', '0').replace('I', '1').replace('L', '1');
		if (plain.length() != 12 || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new VerificationCode(plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8)));
	}

	@Override
	public String toString() {
		return value;
	}
}
