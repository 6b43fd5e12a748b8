package ru.kredo.plans;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor asked for a plan: approved at once ({@code status} {@code AWAITING_SIGNATURE}) or in the agency's inbox ({@code REQUESTED}). Published in the transaction that moves the plan, through the event publication
 * registry: a listener after the commit gets it even if the application stopped in between. Ids and codes only.
 */
public record PlanRequested(TenantId tenantId, UUID planId, DebtId debtId, ContactId debtorId, PlanStatus status, Instant at) {

	public PlanRequested {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(at, "at");
	}
}
