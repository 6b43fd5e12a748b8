package ru.kredo.collections.internal;

import ru.kredo.contacts.PersonDetails;
import ru.kredo.tabular.RowError;

/** The outcome of one row of a registry: a debtor and his debt, or why not (no personal data in the reason). */
sealed interface PortfolioRow {

	long line();

	record Good(long line, PersonDetails debtor, ImportedDebt debt) implements PortfolioRow {
	}

	record Bad(RowError error) implements PortfolioRow {

		@Override
		public long line() {
			return error.line();
		}
	}
}
