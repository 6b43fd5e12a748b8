package ru.kredo.accounts;

import java.time.Instant;
import java.util.Objects;

import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** Somebody who signs in to Kredo on behalf of one tenant. */
public record User(UserId id, TenantId tenantId, EmailAddress email, String displayName, Role role, boolean enabled,
		Instant createdAt) implements java.io.Serializable {

	public User {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		displayName = displayName == null ? "" : displayName.strip();
		if (displayName.isEmpty() || displayName.length() > 200) {
			throw new Rejected("user.name-required");
		}
	}
}
