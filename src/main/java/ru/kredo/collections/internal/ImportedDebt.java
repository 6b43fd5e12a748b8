package ru.kredo.collections.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;

/**
 * A debt as a registry row states it: the claim by component, what was already paid on it, and where the debtor
 * lives. The balance is worked out when it is stored ({@link DebtRows}). {@code overdueSince} is the day the debt fell
 * overdue, written in the registry or its upload's day less {@code daysPastDue}, the figure the registry gave.
 * {@code externalId} is the debt's id in the registry (its «ID» column), {@code null} when it gives none.
 */
record ImportedDebt(String originalCreditor, String contractNumber, LocalDate contractDate, LocalDate assignmentDate,
		DebtComponents claim, Money paid, Integer daysPastDue, LocalDate overdueSince, String region, ZoneId timeZone,
		String externalId) {

	/** What makes two rows one debt: the same contract of the same creditor. */
	String key() {
		return key(originalCreditor, contractNumber);
	}

	static String key(String originalCreditor, String contractNumber) {
		return originalCreditor + "\u001F" + contractNumber;
	}
}
