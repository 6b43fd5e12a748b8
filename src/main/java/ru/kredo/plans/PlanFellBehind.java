package ru.kredo.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * An instalment of the plan is unpaid past its due date and the grace days (since {@code behindSince}): the debtor is to be told, and he may repair it. Published in the transaction that moves the plan, through the event publication
 * registry: a listener after the commit gets it even if the application stopped in between. Ids and codes only.
 */
public record PlanFellBehind(TenantId tenantId, UUID planId, DebtId debtId, ContactId debtorId, LocalDate behindSince, Instant at) {

	public PlanFellBehind {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(at, "at");
	}
}
