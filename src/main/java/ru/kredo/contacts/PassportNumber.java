package ru.kredo.contacts;

import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/** A Russian internal passport: series of 4 digits and number of 6, however they were spaced when typed. */
public record PassportNumber(String series, String number) {

	private static final Pattern SERIES = Pattern.compile("\\d{4}");
	private static final Pattern NUMBER = Pattern.compile("\\d{6}");
	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
	private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

	public PassportNumber {
		if (series == null || !SERIES.matcher(series).matches() || number == null || !NUMBER.matcher(number).matches()) {
			throw new Rejected("contact.passport-invalid");
		}
	}

	/** Parses {@code 4506 123456}, {@code 45 06 123456}, {@code 4506123456} or {@code 4506-123456}. */
	public static PassportNumber parse(String text) {
		String digits = text == null ? "" : SEPARATORS.matcher(text).replaceAll("");
		if (!TEN_DIGITS.matcher(digits).matches()) {
			throw new Rejected("contact.passport-invalid");
		}
		return new PassportNumber(digits.substring(0, 4), digits.substring(4));
	}

	public String display() {
		return series + " " + number;
	}

	/** Only the last two digits: what a list may show. */
	public String masked() {
		return "**** ****" + number.substring(4);
	}

	@Override
	public String toString() {
		return "PassportNumber[" + masked() + "]";
	}
}
