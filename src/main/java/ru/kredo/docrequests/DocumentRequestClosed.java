package ru.kredo.docrequests;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/** Published when the agency answered ({@link RequestState#ANSWERED}) or declined a document request. */
public record DocumentRequestClosed(TenantId tenantId, UUID requestId, ContactId debtorId, RequestState state,
		Instant closedAt) {
}
