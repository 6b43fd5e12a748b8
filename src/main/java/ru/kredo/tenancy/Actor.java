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

	/**
	 * The user whose powers this actor uses: the signed-in user himself, or the admin who issued the API key;
	 * {@code null} when no user stands behind it (a key the command line issued). Rules about «oneself» (an admin does
	 * not change his own role or access) read it.
	 */
	default java.util.UUID actingUserId() {
		return null;
	}
}
