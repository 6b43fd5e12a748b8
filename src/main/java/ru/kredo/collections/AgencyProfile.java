package ru.kredo.collections;

import java.util.regex.Pattern;

import ru.kredo.documents.Agency;
import ru.kredo.platform.Rejected;

/**
 * The agency as its debtors' cabinet presents it: its legal details, and what the documents do not print — working
 * hours, e-mail, its entry in ФССП's state register of collection agencies — and its own texts of the privacy policy
 * and the consent to processing personal data. Each optional field is {@code null} when not given; a {@code null}
 * text means the default one ({@link AgencyTexts}), written from these details.
 *
 * @param registryEntry the entry's number in the register, e.g. {@code 1/17/77000-КЛ}
 */
public record AgencyProfile(Agency legal, String hours, String email, String registryEntry, String privacyPolicy,
		String consentText) {

	/** The longest a line (hours, e-mail, register entry) may be. */
	public static final int MAX_LINE = 200;
	/** The longest either text may be. */
	public static final int MAX_TEXT = 30_000;
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public AgencyProfile {
		java.util.Objects.requireNonNull(legal, "legal");
		hours = optional(hours, MAX_LINE, "requisites.hours-too-long");
		email = optional(email, MAX_LINE, "requisites.email-invalid");
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new Rejected("requisites.email-invalid");
		}
		registryEntry = optional(registryEntry, MAX_LINE, "requisites.registry-entry-too-long");
		privacyPolicy = text(privacyPolicy, "requisites.privacy-policy-too-long");
		consentText = text(consentText, "requisites.consent-text-too-long");
	}

	/** Only the legal details, nothing else given. */
	public static AgencyProfile of(Agency legal) {
		return new AgencyProfile(legal, null, null, null, null, null);
	}

	private static String optional(String value, int max, String code) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String line = value.strip().replaceAll("\\s+", " ");
		if (line.length() > max) {
			throw new Rejected(code, max);
		}
		return line;
	}

	// Line breaks normalised, so that the same text typed on any system is the same version of it.
	private static String text(String value, String code) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (text.length() > MAX_TEXT) {
			throw new Rejected(code, MAX_TEXT);
		}
		return text;
	}
}
