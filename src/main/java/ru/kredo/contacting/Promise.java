package ru.kredo.contacting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;

/**
 * A debtor's promise to pay {@code amount} on {@code debt} by {@code dueOn} (the agency's day), made on the call
 * {@code callId}; kept at {@code keptAt} when the payments on his debts since {@code promisedAt} reached the amount.
 */
public record Promise(UUID id, ContactId debtor, DebtId debt, UUID callId, Money amount, LocalDate dueOn,
		Instant promisedAt, Instant keptAt, String actor) {

	public boolean isKept() {
		return keptAt != null;
	}

	/** Whether its date has passed, unkept, on the agency's {@code today}. */
	public boolean isOverdue(LocalDate today) {
		return !isKept() && dueOn.isBefore(today);
	}
}
