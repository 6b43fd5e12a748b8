package ru.kredo.docrequests;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Published when a debtor's document request is committed (for the agency's webhooks: {@code document_request.created}).
 * It carries no personal data: his comment stays in Kredo, readable through the API.
 */
public record DocumentRequested(TenantId tenantId, UUID requestId, ContactId debtorId, DocumentType type,
		Instant createdAt) {
}
