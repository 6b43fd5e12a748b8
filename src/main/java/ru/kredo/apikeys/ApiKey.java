package ru.kredo.apikeys;

import java.time.Instant;

import ru.kredo.tenancy.TenantId;

/** An API key as its tenant sees it: a name, the first characters of the secret, and its history. */
public record ApiKey(ApiKeyId id, TenantId tenantId, String name, String prefix, String createdBy,
		Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}
}
