package ru.kredo.plans;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Every instalment of the plan is paid: its debt is closed as paid. Published in the transaction that moves the plan, through the event publication
 * registry: a listener after the commit gets it even if the application stopped in between. Ids and codes only.
 */
public record PlanCompleted(TenantId tenantId, UUID planId, DebtId debtId, ContactId debtorId, Instant at) {

	public PlanCompleted {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(at, "at");
	}
}
