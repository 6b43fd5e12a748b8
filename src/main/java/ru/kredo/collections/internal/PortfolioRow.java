package ru.kredo.collections.internal;

import java.util.List;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tabular.RowError;

/** The outcome of one row of a registry: a debtor and his debt, or why not (no personal data in the reason). */
sealed interface PortfolioRow {

	long line();

	/**
	 * @param phones every valid phone the row gives for the debtor; the first is the contact's
	 * @param note what the row was kept without (a phone that does not read), or {@code null}
	 */
	record Good(long line, PersonDetails debtor, List<PhoneNumber> phones, ImportedDebt debt, RowError note)
			implements PortfolioRow {
	}

	/** A row that is no debt: the registry's total or what is written under it (see {@link ru.kredo.tabular.NonDataRows}). */
	record Skipped(RowError note) implements PortfolioRow {

		@Override
		public long line() {
			return note.line();
		}
	}

	record Bad(RowError error) implements PortfolioRow {

		@Override
		public long line() {
			return error.line();
		}
	}
}
