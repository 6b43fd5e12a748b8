package ru.kredo.audit;

import java.time.Instant;

import ru.kredo.tenancy.TenantId;

/** One line of the audit log. */
public record AuditEvent(long id, TenantId tenantId, Instant occurredAt, AuditActor actor, AuditAction action,
		String objectType, String objectId, String detail) {
}
