package ru.kredo.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import ru.kredo.platform.Rejected;

/** A phone number in E.164 ({@code +79161234567}), parsed by libphonenumber from any common Russian notation. */
public record PhoneNumber(String e164) {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	public PhoneNumber {
		if (e164 == null || !e164.matches("\\+\\d{8,15}")) {
			throw new Rejected("contact.phone-invalid");
		}
	}

	/** Parses {@code 8 (916) 123-45-67}, {@code +7 916 123 45 67}, {@code 9161234567} and the like. */
	public static PhoneNumber parse(String text) {
		String trimmed = text == null ? "" : text.strip();
		try {
			String digits = trimmed.replaceAll("\\D", "");
			Phonenumber.PhoneNumber parsed = digits.length() == 10 && !trimmed.startsWith("+")
					? PHONES.parse("+7" + digits, "RU")
					: PHONES.parse(trimmed, "RU");
			if (!PHONES.isValidNumber(parsed)) {
				throw new Rejected("contact.phone-invalid");
			}
			return new PhoneNumber(PHONES.format(parsed, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			throw new Rejected("contact.phone-invalid");
		}
	}

	public String display() {
		try {
			return PHONES.format(PHONES.parse(e164, "RU"), PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return e164;
		}
	}

	/** The last four digits only. */
	public String masked() {
		return "+7 *** ***-" + e164.substring(e164.length() - 4, e164.length() - 2) + "-" + e164.substring(e164.length() - 2);
	}

	@Override
	public String toString() {
		return "PhoneNumber[" + masked() + "]";
	}
}
