package ru.kredo.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A payment was applied to a debt ({@link Debt#pay}): {@code applied} of it lowered the balance (the rest, if any, is
 * to refund), on the agency's {@code day}, and the debt is now {@code statusAfter}. Published synchronously inside the
 * payment's own transaction, after the debt is stored and only when something was applied, for what must change with
 * the debt in the same transaction (a restructuring plan's instalments): a plain {@code @EventListener}, never after
 * the commit.
 */
public record PaymentApplied(TenantId tenantId, DebtId debtId, ContactId debtorId, UUID paymentId, Money applied,
		LocalDate day, Instant at, DebtStatus statusAfter) {

	public PaymentApplied {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(applied, "applied");
		Objects.requireNonNull(day, "day");
		Objects.requireNonNull(statusAfter, "statusAfter");
	}
}
