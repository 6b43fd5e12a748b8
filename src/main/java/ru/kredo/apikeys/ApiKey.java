package ru.kredo.apikeys;

import java.time.Instant;

import ru.kredo.accounts.UserId;
import ru.kredo.tenancy.TenantId;

/**
 * An API key as its tenant sees it: a name, the first characters of the secret, who issued it ({@code issuedBy},
 * {@code null} when unknown), and its history.
 */
public record ApiKey(ApiKeyId id, TenantId tenantId, String name, String prefix, String createdBy, UserId issuedBy,
		Instant createdAt, Instant lastUsedAt, Instant revokedAt) implements java.io.Serializable {

	public boolean isRevoked() {
		return revokedAt != null;
	}
}
