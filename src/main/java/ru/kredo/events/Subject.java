package ru.kredo.events;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.Snils;

/** Whom an event concerns, as the bureau identifies him. */
public record Subject(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils) {

	public Subject {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(birthDate, "birthDate");
	}

	@Override
	public String toString() {
		return "Subject[…]";
	}
}
