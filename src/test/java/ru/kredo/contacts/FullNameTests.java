package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

/** FullName's character loops do exactly what these regular expressions, its original definition, say. */
class FullNameTests {

	static final Pattern IGNORED = Pattern.compile("[\\s.'’-]");
	static final Pattern SPACES = Pattern.compile("\\s+");
	static final Pattern PART = Pattern.compile("[\\p{IsAlphabetic}][\\p{IsAlphabetic} .'’-]{0,99}");
	static final String ALPHABET = "аАёЁеЕяЯжЖzZaA \t\n\u000B\f\r\u00A0\u2003.'’-_1é\uD835\uDD04ıİΣΑЀѐ";

	@Test
	void normalizesAndValidatesAsTheRegularExpressionsDefine() {
		Random random = new Random(2026);
		for (int n = 0; n < 200_000; n++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(n % 50 == 0 ? 110 : 12);
			for (int i = 0; i < length; i++) {
				int at = random.nextInt(ALPHABET.length());
				value.append(Character.isHighSurrogate(ALPHABET.charAt(at)) ? ALPHABET.substring(at, at + 2)
						: Character.isLowSurrogate(ALPHABET.charAt(at)) ? "ж" : String.valueOf(ALPHABET.charAt(at)));
			}
			String text = value.toString();
			assertThat(accepted(text)).as("«%s»", text).isEqualTo(expected(text));
			assertThat(FullName.normalize(text)).as("«%s»", text)
				.isEqualTo(IGNORED.matcher(text.toLowerCase(Locale.forLanguageTag("ru")).replace('ё', 'е')).replaceAll(""));
		}
	}

	private static String accepted(String lastName) {
		try {
			return new FullName(lastName, "Иван", null).lastName();
		}
		catch (Rejected rejected) {
			return "rejected";
		}
	}

	private static String expected(String lastName) {
		String trimmed = SPACES.matcher(lastName.strip()).replaceAll(" ");
		return trimmed.isEmpty() || !PART.matcher(trimmed).matches() ? "rejected" : trimmed;
	}
}
