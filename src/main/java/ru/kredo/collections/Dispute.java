package ru.kredo.collections;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's dispute of a debt: why, his explanation (opened from its sealed form), when it was opened, and once
 * resolved when, how and with which reason for him; {@code resolvedBy} is the user who resolved it. {@code debtor} and
 * {@code contractNumber} are for the staff's list.
 */
public record Dispute(UUID id, TenantId tenantId, DebtId debtId, ContactId contactId, DisputeReason reason,
		String explanation, Instant openedAt, Instant resolvedAt, DisputeOutcome outcome, String resolutionReason,
		UUID resolvedBy, String debtor, String contractNumber, String originalCreditor) {

	public boolean isOpen() {
		return resolvedAt == null;
	}
}
