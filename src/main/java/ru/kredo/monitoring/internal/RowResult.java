package ru.kredo.monitoring.internal;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.tabular.RowError;

/** The outcome of one row of a contact file: a person to watch, or why not (no personal data in the reason). */
sealed interface RowResult {

	long line();

	record Good(long line, PersonDetails person, WatchTerms terms) implements RowResult {
	}

	record Bad(RowError error) implements RowResult {

		@Override
		public long line() {
			return error.line();
		}
	}
}
