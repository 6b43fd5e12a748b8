package ru.kredo.collections;

import java.util.regex.Pattern;

import ru.kredo.documents.Agency;
import ru.kredo.platform.InvalidFields;
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

	/** Details known to pass every check: each legal field is checked by {@link Agency}'s own rule in their place. */
	private static final Agency SAMPLE = new Agency("ООО «Образец»", "7707083893", "1027700132195", "Москва", "+7 495 000-00-00");

	/**
	 * The profile as typed on the requisites form, or {@link InvalidFields} naming every wrong field at once (a form
	 * refused for its first error only made the admin submit it once per mistake). Each legal detail is checked by
	 * {@link Agency}'s own rule, the ИНН and ОГРН also by their check digits as {@link AgencyRequisites#save} does.
	 */
	public static AgencyProfile typed(String fullName, String inn, String ogrn, String address, String phone,
			String hours, String email, String registryEntry, String privacyPolicy, String consentText) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		fields.read("fullName", () -> new Agency(fullName, SAMPLE.inn(), SAMPLE.ogrn(), SAMPLE.address(), SAMPLE.phone()));
		fields.read("inn", () -> {
			Agency agency = new Agency(SAMPLE.fullName(), inn, SAMPLE.ogrn(), SAMPLE.address(), SAMPLE.phone());
			if (!AgencyRequisites.innChecks(agency.inn())) {
				throw new Rejected("certificate.agency-inn-check-digit");
			}
			return agency;
		});
		fields.read("ogrn", () -> {
			Agency agency = new Agency(SAMPLE.fullName(), SAMPLE.inn(), ogrn, SAMPLE.address(), SAMPLE.phone());
			if (!AgencyRequisites.ogrnChecks(agency.ogrn())) {
				throw new Rejected("certificate.agency-ogrn-check-digit");
			}
			return agency;
		});
		fields.read("address", () -> new Agency(SAMPLE.fullName(), SAMPLE.inn(), SAMPLE.ogrn(), address, SAMPLE.phone()));
		fields.read("phone", () -> new Agency(SAMPLE.fullName(), SAMPLE.inn(), SAMPLE.ogrn(), SAMPLE.address(), phone));
		fields.read("hours", () -> new AgencyProfile(SAMPLE, hours, null, null, null, null));
		fields.read("email", () -> new AgencyProfile(SAMPLE, null, email, null, null, null));
		fields.read("registryEntry", () -> new AgencyProfile(SAMPLE, null, null, registryEntry, null, null));
		fields.read("privacyPolicy", () -> new AgencyProfile(SAMPLE, null, null, null, privacyPolicy, null));
		fields.read("consentText", () -> new AgencyProfile(SAMPLE, null, null, null, null, consentText));
		fields.throwIfAny();
		return new AgencyProfile(new Agency(fullName, inn, ogrn, address, phone), hours, email, registryEntry,
				privacyPolicy, consentText);
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
