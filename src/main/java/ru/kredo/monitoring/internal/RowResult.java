package ru.kredo.monitoring.internal;

import java.util.List;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.WatchTerms;

/** The outcome of one row of a contact file: a person to watch, or why not (no personal data in the reason). */
sealed interface RowResult {

	long line();

	record Good(long line, PersonDetails person, WatchTerms terms) implements RowResult {
	}

	/** @param column the header of the wrong cell as the file wrote it; {@code code} is a message key under error. */
	record Bad(long line, String column, String code, List<String> args) implements RowResult {
	}
}
