package ru.kredo.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant. */
public record TenantId(UUID value) implements java.io.Serializable {

	/** Kredo's own tenant, created by the first migration; its users are the platform operators. */
	public static final TenantId PLATFORM = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

	public TenantId {
		Objects.requireNonNull(value, "tenant id");
	}

	public static TenantId random() {
		return new TenantId(UUID.randomUUID());
	}

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
