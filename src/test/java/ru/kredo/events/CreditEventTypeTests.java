package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CreditEventTypeTests {

	@Test
	void readsNamesInAnyCaseAndCodesAsThePassOverTheValuesDid() {
		List<String> texts = new ArrayList<>(List.of("", " ", "2.3", " 2.3 ", "1.9", "1.10", "2", "2.", ".3", "applıcatıon",
				"APPLICATİON", "loan disbursed", "LOAN-DISBURSED", "Loan_Disbursed\t", "\u00a01.1", "1.1\u2003", "ЗАЯВКА"));
		Random random = new Random(758);
		for (CreditEventType type : CreditEventType.values()) {
			texts.addAll(List.of(type.name(), type.name().toLowerCase(Locale.ROOT), " " + type.name() + " ",
					type.rutdfCode(), " " + type.rutdfCode() + "\n", type.rutdfCode() + "0", type.name() + "S"));
			char[] mixed = type.name().toCharArray();
			for (int i = 0; i < mixed.length; i++) {
				mixed[i] = random.nextBoolean() ? Character.toLowerCase(mixed[i]) : mixed[i];
			}
			texts.add(new String(mixed));
		}
		for (int i = 0; i < 10_000; i++) {
			char[] noise = new char[1 + random.nextInt(5)];
			for (int k = 0; k < noise.length; k++) {
				String alphabet = "0123456789. aAlLoO_\u0131";
				noise[k] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			texts.add(new String(noise));
		}
		for (String text : texts) {
			assertThat(CreditEventType.parse(text)).as("«%s»", text).isEqualTo(byPass(text));
		}
		assertThat(CreditEventType.parse("applıcatıon")).contains(CreditEventType.APPLICATION);
	}

	// How parse read a type before: a pass over the values, upper-casing the text for each.
	private static Optional<CreditEventType> byPass(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		if ("1.9".equals(value)) {
			return Optional.of(CreditEventType.PERSONAL_DATA_CHANGED);
		}
		if ("2.3".equals(value)) {
			return Optional.empty();
		}
		return Arrays.stream(CreditEventType.values())
			.filter(type -> type.name().equals(value.toUpperCase(Locale.ROOT)) || type.rutdfCode().equals(value))
			.findFirst();
	}
}
