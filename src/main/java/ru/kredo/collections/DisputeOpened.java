package ru.kredo.collections;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor has opened a dispute of his debt ({@link Disputes#open}). Published in the transaction that records it,
 * through the event publication registry: a listener after the commit gets it even if the application stopped in
 * between. Ids and codes only (no explanation, no name): other modules fetch what they may see.
 *
 * @param contractNumber the debt's contract number, as the agency's registry gave it
 */
public record DisputeOpened(TenantId tenantId, UUID disputeId, DebtId debtId, ContactId debtorId, DisputeReason reason,
		String contractNumber, Instant openedAt) {

	public DisputeOpened {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(disputeId, "disputeId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(openedAt, "openedAt");
	}
}
