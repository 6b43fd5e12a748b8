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

	/**
	 * Parses {@code 8 (916) 123-45-67}, {@code +7 916 123 45 67}, {@code 9161234567}, {@code 8-916-123-45-67 (моб.)}
	 * and the like. A note beside the number («(моб.)», «раб.», «mob») is not part of it; an extension («доб. 12»)
	 * is dropped. A number no person has (8-800 and other free or paid service numbers) is refused.
	 */
	public static PhoneNumber parse(String text) {
		String trimmed = withoutNotes(text == null ? "" : text);
		try {
			String digits = trimmed.replaceAll("\\D", "");
			Phonenumber.PhoneNumber parsed = digits.length() == 10 && !trimmed.startsWith("+")
					? PHONES.parse("+7" + digits, "RU")
					: PHONES.parse(trimmed, "RU");
			if (!PHONES.isValidNumber(parsed)) {
				throw new Rejected("contact.phone-invalid");
			}
			if (SERVICE_NUMBERS.contains(PHONES.getNumberType(parsed))) {
				throw new Rejected("contact.phone-not-personal");
			}
			return new PhoneNumber(PHONES.format(parsed, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			throw new Rejected("contact.phone-invalid");
		}
	}

	private static final java.util.Set<PhoneNumberUtil.PhoneNumberType> SERVICE_NUMBERS = java.util.EnumSet.of(
			PhoneNumberUtil.PhoneNumberType.TOLL_FREE, PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE,
			PhoneNumberUtil.PhoneNumberType.SHARED_COST, PhoneNumberUtil.PhoneNumberType.UAN,
			PhoneNumberUtil.PhoneNumberType.VOICEMAIL, PhoneNumberUtil.PhoneNumberType.PAGER);

	private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern
		.compile("(?iu)\\s*(доб|ext|вн)\\.?\\s*\\d+\\s*$");
	private static final java.util.regex.Pattern NOTE_IN_BRACKETS = java.util.regex.Pattern
		.compile("[(\\[][^)\\]\\d]*\\p{L}[^)\\]\\d]*[)\\]]");
	private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\\p{L}+\\.?");

	// The number alone: notes in brackets, an extension and any other words taken out.
	private static String withoutNotes(String text) {
		if (text.chars().noneMatch(Character::isLetter)) {
			// Nearly every number: no patterns to run (libphonenumber is already a good part of an import's time).
			return text.strip();
		}
		String number = EXTENSION.matcher(text).replaceAll("");
		number = NOTE_IN_BRACKETS.matcher(number).replaceAll(" ");
		return WORDS.matcher(number).replaceAll(" ").strip();
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
