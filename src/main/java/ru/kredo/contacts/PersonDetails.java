package ru.kredo.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What is known of a person when he is added or imported: a name and a date of birth always, identifiers when known.
 * Built from already validated values. A file may give a person several phones and e-mail addresses (a CRM's
 * «Рабочий телефон», «Мобильный телефон», «Частный e-mail»…): {@code phone} and {@code email} are the first, the
 * others are in {@code otherPhones} and {@code otherEmails}, each once and never the first again. {@code externalId}
 * is his row's id in the tenant's own system ({@link ExternalId}), when given.
 */
public record PersonDetails(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
		PhoneNumber phone, String email, List<PhoneNumber> otherPhones, List<String> otherEmails, String externalId) {

	public PersonDetails {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(birthDate, "birthDate");
		email = email == null || email.isBlank() ? null : email.strip();
		externalId = ExternalId.parse(externalId);
		PhoneNumber first = phone;
		String firstEmail = email;
		otherPhones = otherPhones == null ? List.of()
				: otherPhones.stream().filter(Objects::nonNull).filter(p -> !p.equals(first)).distinct().toList();
		otherEmails = otherEmails == null ? List.of()
				: otherEmails.stream().filter(Objects::nonNull).map(String::strip).filter(e -> !e.isEmpty())
					.filter(e -> !e.equalsIgnoreCase(firstEmail)).distinct().toList();
	}

	public PersonDetails(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
			PhoneNumber phone, String email, List<PhoneNumber> otherPhones, List<String> otherEmails) {
		this(name, birthDate, passport, inn, snils, phone, email, otherPhones, otherEmails, null);
	}

	public PersonDetails(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
			PhoneNumber phone, String email) {
		this(name, birthDate, passport, inn, snils, phone, email, List.of(), List.of(), null);
	}

	/** The same person with his row's id in the tenant's own system ({@link ExternalId#parse}). */
	public PersonDetails withExternalId(String id) {
		return new PersonDetails(name, birthDate, passport, inn, snils, phone, email, otherPhones, otherEmails, id);
	}

	/** Every phone given, the first first. */
	public List<PhoneNumber> phones() {
		if (phone == null) {
			return otherPhones;
		}
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(phone), otherPhones.stream()).toList();
	}

	/** The same person with only his first phone: for callers that keep the others themselves. */
	public PersonDetails withFirstPhoneOnly() {
		return new PersonDetails(name, birthDate, passport, inn, snils, phone, email, List.of(), otherEmails, externalId);
	}

	@Override
	public String toString() {
		return "PersonDetails[…]";
	}
}
