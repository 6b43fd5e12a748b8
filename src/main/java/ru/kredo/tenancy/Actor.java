package ru.kredo.tenancy;

/**
 * Who acts in a request: a signed-in user or an API key. Whatever authenticates a request puts an {@code Actor} in
 * the security context; {@link CurrentTenant} reads it from there.
 */
public interface Actor {

	TenantId tenantId();

	TenantKind tenantKind();

	/** What the audit log records as the actor: {@code user:<id>} or {@code api-key:<id>}; never personal data. */
	String auditName();

	/** The name people read in the audit log: a user's name, an API key's name. */
	String displayName();
}
