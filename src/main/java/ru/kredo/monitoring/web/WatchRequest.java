package ru.kredo.monitoring.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.CalendarDate;
import ru.kredo.contacts.ExternalId;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;

/**
 * One person to watch, as typed in the form or sent to the API: every field as text, read all at once so that every
 * wrong field is reported together, each with its reason.
 */
public record WatchRequest(String lastName, String firstName, String middleName, String birthDate, String passport,
		String inn, String snils, String phone, String email, String segment, String months, List<String> eventTypes,
		String managerId, String notes, String consentDate, String consentPurpose, String consentMethod,
		String contractConcludedOn, String contractEndsOn, List<String> recommendations, String externalId) {

	public WatchRequest(String lastName, String firstName, String middleName, String birthDate, String passport,
			String inn, String snils, String phone, String email, String segment, String months, List<String> eventTypes,
			String managerId, String notes, String consentDate, String consentPurpose, String consentMethod,
			String contractConcludedOn, String contractEndsOn, List<String> recommendations) {
		this(lastName, firstName, middleName, birthDate, passport, inn, snils, phone, email, segment, months, eventTypes,
				managerId, notes, consentDate, consentPurpose, consentMethod, contractConcludedOn, contractEndsOn,
				recommendations, null);
	}

	public static WatchRequest empty(LocalDate today) {
		return new WatchRequest("", "", "", "", "", "", "", "", "", Segment.PROSPECT.name(),
				String.valueOf(WatchTerms.DEFAULT_MONTHS), List.of(), "", "", today.toString(), "", ConsentMethod.PAPER.name(),
				"", "", List.of(), "");
	}

	/** A text field by name, for the form to show back what was typed. */
	public String value(String field) {
		return switch (field) {
			case "lastName" -> lastName;
			case "firstName" -> firstName;
			case "middleName" -> middleName;
			case "birthDate" -> birthDate;
			case "passport" -> passport;
			case "inn" -> inn;
			case "snils" -> snils;
			case "phone" -> phone;
			case "email" -> email;
			case "consentDate" -> consentDate;
			case "contractConcludedOn" -> contractConcludedOn;
			case "contractEndsOn" -> contractEndsOn;
			case "externalId" -> externalId;
			default -> throw new IllegalArgumentException(field);
		};
	}

	/**
	 * The person and the terms, or {@link InvalidFields} naming every wrong field.
	 *
	 * @param colleague whether a user id names a user of the caller's tenant, who may be the manager
	 */
	Parsed parse(Predicate<UserId> colleague) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		PersonDetails person = person(fields);
		Segment segmentValue = fields.read("segment", () -> required(segment, s -> parseEnum(Segment.class, s, "segment-unknown")));
		Integer monthsValue = fields.read("months", () -> months == null || months.isBlank() ? WatchTerms.DEFAULT_MONTHS : integer(months));
		Set<CreditEventType> types = fields.read("eventTypes", () -> enums(CreditEventType.class, eventTypes, "event-type-unknown"));
		Set<Recommendation> advice = fields.read("recommendations", () -> enums(Recommendation.class, recommendations, "required"));
		UserId manager = fields.read("managerId", () -> blank(managerId) ? null : colleague(new UserId(uuid(managerId)), colleague));
		Consent consent = fields.read("consentDate", () -> consent(fields));
		WatchTerms terms = segmentValue == null || monthsValue == null ? null
				: fields.read("months", () -> new WatchTerms(segmentValue, monthsValue, types, manager, notes, consent, advice));
		fields.throwIfAny();
		return new Parsed(person, terms);
	}

	private PersonDetails person(InvalidFields.Collector fields) {
		FullName name = fields.read("lastName", () -> new FullName(lastName, firstName, middleName));
		LocalDate birth = fields.read("birthDate", () -> required(birthDate, CalendarDate::parse));
		PassportNumber passportValue = fields.read("passport", () -> blank(passport) ? null : PassportNumber.parse(passport));
		Inn innValue = fields.read("inn", () -> blank(inn) ? null : new Inn(inn));
		Snils snilsValue = fields.read("snils", () -> blank(snils) ? null : new Snils(snils));
		PhoneNumber phoneValue = fields.read("phone", () -> blank(phone) ? null : PhoneNumber.parse(phone));
		String externalIdValue = fields.read("externalId", () -> ExternalId.parse(externalId));
		if (birth != null && birth.isAfter(LocalDate.now())) {
			fields.reject("birthDate", new Rejected("contact.birth-date-invalid"));
		}
		return name == null || birth == null ? null
				: fields.read("birthDate", () -> new PersonDetails(name, birth, passportValue, innValue, snilsValue, phoneValue,
						email, List.of(), List.of(), externalIdValue));
	}

	private Consent consent(InvalidFields.Collector fields) {
		if (blank(consentDate)) {
			return null;
		}
		LocalDate given = CalendarDate.parse(consentDate);
		if (blank(consentPurpose)) {
			fields.reject("consentPurpose", new Rejected("consent.purpose-required"));
			return null;
		}
		ConsentMethod method = fields.read("consentMethod",
				() -> blank(consentMethod) ? ConsentMethod.PAPER : parseEnum(ConsentMethod.class, consentMethod, "consent-method-unknown"));
		LocalDate concluded = fields.read("contractConcludedOn", () -> CalendarDate.parse(contractConcludedOn));
		LocalDate ends = fields.read("contractEndsOn", () -> CalendarDate.parse(contractEndsOn));
		return method == null ? null : new Consent(given, consentPurpose, method, concluded, ends);
	}

	private static <T> T required(String text, Function<String, T> parser) {
		if (blank(text)) {
			throw new Rejected("required");
		}
		return parser.apply(text);
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String code) {
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected(code, text);
		}
	}

	private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> texts, String code) {
		Set<E> values = EnumSet.noneOf(type);
		if (texts != null) {
			texts.stream().filter(t -> !blank(t)).forEach(t -> values.add(parseEnum(type, t, code)));
		}
		return values;
	}

	private static UserId colleague(UserId user, Predicate<UserId> colleague) {
		if (!colleague.test(user)) {
			throw new Rejected("user-unknown");
		}
		return user;
	}

	static int integer(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new Rejected("number-invalid", text);
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("user-unknown");
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	record Parsed(PersonDetails person, WatchTerms terms) {
	}
}
