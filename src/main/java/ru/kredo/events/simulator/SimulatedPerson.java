package ru.kredo.events.simulator;

import java.time.LocalDate;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;
import ru.kredo.events.Subject;

/** A made-up person: always a name, a birth date, a passport and a phone; sometimes ИНН and СНИЛС. */
public record SimulatedPerson(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
		PhoneNumber phone) {

	/** The person as a bureau identifies him in an event. */
	public Subject subject() {
		return new Subject(name, birthDate, passport, inn, snils);
	}

	/** The person as a tenant knows him, to put him on monitoring. */
	public PersonDetails details() {
		return new PersonDetails(name, birthDate, passport, inn, snils, phone, null);
	}
}
