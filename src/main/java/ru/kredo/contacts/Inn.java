package ru.kredo.contacts;

import ru.kredo.platform.Rejected;

/** A person's taxpayer number (ИНН): 12 digits whose two last are check digits. */
public record Inn(String value) {

	private static final int[] FIRST = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	private static final int[] SECOND = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	public Inn {
		value = Digits.withoutSeparators(value, Digits.WHITE_SPACE_OR_HYPHEN);
		if (!Digits.exactly(value, 12) || check(value, FIRST) != digit(value, 10) || check(value, SECOND) != digit(value, 11)) {
			throw new Rejected("contact.inn-invalid");
		}
	}

	static int check(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i] * digit(digits, i);
		}
		return sum % 11 % 10;
	}

	private static int digit(String digits, int index) {
		return digits.charAt(index) - '0';
	}

	/** What a role without the right to identifiers sees: the region's two digits and the two check digits. */
	public String masked() {
		return value.substring(0, 2) + "********" + value.substring(10);
	}

	@Override
	public String toString() {
		return "Inn[**********" + value.substring(10) + "]";
	}
}
