package ru.kredo.accounts;

/** What a user may do within the tenant. */
public enum Role {

	/** Kredo's platform operator: creates tenants. Only in the platform tenant. */
	OPERATOR,

	/** A tenant's administrator: users, API keys, lists, webhooks, policies. */
	ADMIN,

	/** A manager who works the signals and the debtors. */
	MANAGER;

	public String authority() {
		return "ROLE_" + name();
	}
}
