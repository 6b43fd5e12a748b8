package ru.kredo.tenancy;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer organisation of Kredo, or the platform itself. A {@code demo} tenant is one the demo loaded: only it may
 * show sign-in codes on screen and take payments through the sandbox.
 */
public record Tenant(TenantId id, String name, TenantKind kind, Instant createdAt, boolean demo)
		implements java.io.Serializable {

	public Tenant {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(createdAt, "createdAt");
		name = TenantName.check(name);
	}
}
