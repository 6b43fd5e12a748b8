package ru.kredo.collections;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debt has closed: paid, settled or written off ({@code closedAs}) on {@code closedOn}. Published once, in the
 * transaction that closes it (a payment's, or a write-off's), through the event publication registry: a listener
 * after the commit gets it even if the application stopped in between.
 *
 * @param debtorId the contact who owed it
 */
public record DebtClosed(DebtId debtId, TenantId tenantId, ContactId debtorId, ClosedAs closedAs, LocalDate closedOn) {

	public DebtClosed {
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(closedAs, "closedAs");
		Objects.requireNonNull(closedOn, "closedOn");
	}
}
