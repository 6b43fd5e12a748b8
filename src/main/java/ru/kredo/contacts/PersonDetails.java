package ru.kredo.contacts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known of a person when he is added or imported: a name and a date of birth always, identifiers when known.
 * Built from already validated values.
 */
public record PersonDetails(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
		PhoneNumber phone, String email) {

	public PersonDetails {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(birthDate, "birthDate");
		email = email == null || email.isBlank() ? null : email.strip();
	}

	@Override
	public String toString() {
		return "PersonDetails[…]";
	}
}
