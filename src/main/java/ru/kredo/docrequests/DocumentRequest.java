package ru.kredo.docrequests;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's request for a document.
 *
 * @param comment what he wrote ({@code ""} when nothing)
 * @param debtorName his name as staff see it
 * @param closedAt when it was answered or declined ({@code null} while open)
 * @param closedBy the operator who did ({@code null} while open, or when an API key did)
 * @param declineReason the reason he reads ({@code null} unless declined)
 * @param documentId the answer, one of his documents ({@code null} unless answered)
 */
public record DocumentRequest(UUID id, TenantId tenantId, ContactId contactId, String debtorName, DebtId debtId,
		String contractNumber, DocumentType type, String comment, RequestState state, Instant createdAt,
		Instant closedAt, UUID closedBy, String declineReason, UUID documentId) {

	public boolean isOpen() {
		return state == RequestState.OPEN;
	}

	@Override
	public String toString() {
		return "DocumentRequest[" + id + ", " + type + ", " + state + "]";
	}
}
