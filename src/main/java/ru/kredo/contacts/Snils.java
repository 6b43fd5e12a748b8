package ru.kredo.contacts;

import ru.kredo.platform.Rejected;

/** An insurance number (СНИЛС): 9 digits and a 2-digit checksum, typed as {@code 112-233-445 95} or bare. */
public record Snils(String value) {

	public Snils {
		value = Digits.withoutSeparators(value, Digits.WHITE_SPACE_OR_HYPHEN);
		if (!Digits.exactly(value, 11) || checksum(value.substring(0, 9)) != Integer.parseInt(value.substring(9))) {
			throw new Rejected("contact.snils-invalid");
		}
	}

	static int checksum(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (nineDigits.charAt(i) - '0') * (9 - i);
		}
		if (sum > 101) {
			sum %= 101;
		}
		return sum == 100 || sum == 101 ? 0 : sum;
	}

	public String display() {
		return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6, 9) + " " + value.substring(9);
	}

	/** What a role without the right to identifiers sees: the checksum alone. */
	public String masked() {
		return "***-***-*** " + value.substring(9);
	}

	@Override
	public String toString() {
		return "Snils[***-***-*** " + value.substring(9) + "]";
	}
}
