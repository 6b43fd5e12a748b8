package ru.kredo.plans;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The plan ended unpaid (not repaired in time, ended by the agency, its debt written off or closed by a registry, or raised by one above the plan: {@code ending}); the debt is owed as before unless written off or closed. Published in the transaction that moves the plan, through the event publication
 * registry: a listener after the commit gets it even if the application stopped in between. Ids and codes only.
 */
public record PlanBroken(TenantId tenantId, UUID planId, DebtId debtId, ContactId debtorId, PlanEnding ending, Instant at) {

	public PlanBroken {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(at, "at");
	}
}
