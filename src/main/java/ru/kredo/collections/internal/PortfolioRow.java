package ru.kredo.collections.internal;

import java.util.List;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tabular.RowError;

/** The outcome of one row of a registry: a debtor and his debt, or why not (no personal data in the reason). */
sealed interface PortfolioRow {

	long line();

	/** @param phones every valid phone the row gives for the debtor; the first is the contact's */
	record Good(long line, PersonDetails debtor, List<PhoneNumber> phones, ImportedDebt debt) implements PortfolioRow {
	}

	record Bad(RowError error) implements PortfolioRow {

		@Override
		public long line() {
			return error.line();
		}
	}
}
