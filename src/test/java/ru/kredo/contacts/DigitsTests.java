package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The character loops that replaced regular expressions for passports, ИНН and СНИЛС agree with the expressions. */
class DigitsTests {

	// Digits and separators, and what only looks like them: a non-breaking space, an Arabic-Indic three, a letter.
	private static final String ALPHABET = "0123456789012345 -\t\n\r\u000B\f\u00A0\u0663a-";

	@Test
	void agreeWithTheRegularExpressionsTheyReplaced() {
		Random random = new Random(2026);
		Pattern whiteSpaceOrHyphen = Pattern.compile("[\\s-]");
		Pattern whiteSpace = Pattern.compile("\\s");
		for (int n = 0; n < 200_000; n++) {
			char[] text = new char[random.nextInt(16)];
			for (int i = 0; i < text.length; i++) {
				text[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
			}
			String s = new String(text);
			assertThat(Digits.withoutSeparators(s, Digits.WHITE_SPACE_OR_HYPHEN)).as(s)
				.isEqualTo(whiteSpaceOrHyphen.matcher(s).replaceAll(""));
			assertThat(Digits.withoutSeparators(s, Digits.WHITE_SPACE)).as(s).isEqualTo(whiteSpace.matcher(s).replaceAll(""));
			int count = random.nextInt(13);
			assertThat(Digits.exactly(s, count)).as(s + " " + count).isEqualTo(s.matches("\\d{" + count + "}"));
			String bare = whiteSpaceOrHyphen.matcher(s).replaceAll("");
			assertThat(Digits.exactly(bare, bare.length())).as(bare).isEqualTo(bare.matches("\\d*"));
		}
	}
}
