package ru.kredo.collections;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.contacts.ContactId;
import ru.kredo.payments.DebtComponents;
import ru.kredo.payments.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A debt the agency collects: who owes it, to whom it was originally owed, under which contract, since when it is
 * the agency's, and what is left of it by component.
 */
public record Debt(DebtId id, TenantId tenantId, ContactId contactId, String originalCreditor, String contractNumber,
		LocalDate contractDate, LocalDate assignmentDate, DebtComponents balance, Money originalTotal,
		Integer daysPastDue, LocalDate closedOn) {

	public Debt {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(balance, "balance");
	}

	public Money total() {
		return balance.total();
	}

	public Money repaid() {
		return originalTotal.minus(total());
	}

	public boolean isClosed() {
		return closedOn != null;
	}
}
