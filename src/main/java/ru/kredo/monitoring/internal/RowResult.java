package ru.kredo.monitoring.internal;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.tabular.RowError;

/** The outcome of one row of a contact file: a person to watch, or why not (no personal data in the reason). */
sealed interface RowResult {

	long line();

	/**
	 * @param note what the row was kept without (a phone or an e-mail address that does not read), or {@code null}
	 * @param unknownManager the name in its manager column that matches no user (the watch has no manager), or
	 *        {@code null}
	 */
	record Good(long line, PersonDetails person, WatchTerms terms, RowError note, String unknownManager)
			implements RowResult {
	}

	/** A row that is no person: a total or what is written under the table (see {@link ru.kredo.tabular.NonDataRows}). */
	record Skipped(RowError note) implements RowResult {

		@Override
		public long line() {
			return note.line();
		}
	}

	record Bad(RowError error) implements RowResult {

		@Override
		public long line() {
			return error.line();
		}
	}
}
