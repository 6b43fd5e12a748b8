package ru.kredo.apikeys;

import java.util.UUID;

import ru.kredo.accounts.UserId;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The principal of an API request.
 *
 * @param issuedBy the admin who issued the key, whose powers it uses; {@code null} for a key of the command line
 */
public record ApiKeyPrincipal(ApiKeyId keyId, String keyName, TenantId tenantId, TenantKind tenantKind,
		UserId issuedBy) implements Actor {

	@Override
	public UUID actingUserId() {
		return issuedBy == null ? null : issuedBy.value();
	}

	@Override
	public String auditName() {
		return "api-key:" + keyId;
	}

	@Override
	public String displayName() {
		return "API: " + keyName;
	}
}
