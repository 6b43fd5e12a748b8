package ru.kredo.apikeys;

import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** The principal of an API request. */
public record ApiKeyPrincipal(ApiKeyId keyId, String keyName, TenantId tenantId, TenantKind tenantKind) implements Actor {

	@Override
	public String auditName() {
		return "api-key:" + keyId;
	}

	@Override
	public String displayName() {
		return "API: " + keyName;
	}
}
