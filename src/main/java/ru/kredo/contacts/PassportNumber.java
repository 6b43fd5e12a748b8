package ru.kredo.contacts;

import ru.kredo.platform.Rejected;

/** A Russian internal passport: series of 4 digits and number of 6, however they were spaced when typed. */
public record PassportNumber(String series, String number) {

	public PassportNumber {
		if (!Digits.exactly(series, 4) || !Digits.exactly(number, 6)) {
			throw new Rejected("contact.passport-invalid");
		}
	}

	/** Parses {@code 4506 123456}, {@code 45 06 123456}, {@code 4506123456} or {@code 4506-123456}. */
	public static PassportNumber parse(String text) {
		String digits = Digits.withoutSeparators(text, Digits.WHITE_SPACE_OR_HYPHEN);
		if (!Digits.exactly(digits, 10)) {
			throw new Rejected("contact.passport-invalid");
		}
		return new PassportNumber(digits.substring(0, 4), digits.substring(4));
	}

	public String display() {
		return series + " " + number;
	}

	/**
	 * What a role without the right to identifiers sees ({@code 45 ** ***321}): the region's two digits and the
	 * number's last three, enough to tell two people apart and to read one back on the phone, not to use it.
	 */
	public String masked() {
		return series.substring(0, 2) + " ** ***" + number.substring(3);
	}

	@Override
	public String toString() {
		return "PassportNumber[**** ****" + number.substring(4) + "]";
	}
}
