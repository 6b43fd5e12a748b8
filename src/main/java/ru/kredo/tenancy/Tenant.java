package ru.kredo.tenancy;

import java.time.Instant;
import java.util.Objects;

/** A customer organisation of Kredo, or the platform itself. */
public record Tenant(TenantId id, String name, TenantKind kind, Instant createdAt) {

	public Tenant {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(createdAt, "createdAt");
		name = TenantName.check(name);
	}
}
