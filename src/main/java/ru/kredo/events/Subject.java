package ru.kredo.events;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;

/**
 * Whom an event concerns, as the bureau identifies him.
 *
 * @param phone a phone the bureau gives for him (optional; e.g. a new one in {@code PERSONAL_DATA_CHANGED}): not
 * used for matching, kept only in the sealed subject of an event about a person of interest
 */
public record Subject(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils,
		PhoneNumber phone) {

	public Subject {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(birthDate, "birthDate");
	}

	/** A subject without a phone, as most events are. */
	public Subject(FullName name, LocalDate birthDate, PassportNumber passport, Inn inn, Snils snils) {
		this(name, birthDate, passport, inn, snils, null);
	}

	@Override
	public String toString() {
		return "Subject[…]";
	}
}
