package ru.kredo.collections;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The agency has resolved a dispute ({@link Disputes#resolve}): upheld (the debt written off) or rejected. Published
 * in the resolving transaction through the event publication registry, like {@link DisputeOpened}; ids and codes only
 * (the reason the debtor is shown is not in it).
 */
public record DisputeResolved(TenantId tenantId, UUID disputeId, DebtId debtId, ContactId debtorId,
		DisputeOutcome outcome, String contractNumber, Instant resolvedAt) {

	public DisputeResolved {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(disputeId, "disputeId");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(resolvedAt, "resolvedAt");
	}
}
