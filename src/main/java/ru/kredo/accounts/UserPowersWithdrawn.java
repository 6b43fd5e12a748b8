package ru.kredo.accounts;

import ru.kredo.tenancy.TenantId;

/**
 * A user was disabled, or an admin was given a lesser role: whatever he set up with his powers that outlives his
 * session (API keys) must go too. Published inside the change's transaction; listeners act synchronously in it.
 */
public record UserPowersWithdrawn(TenantId tenantId, UserId userId, Reason reason) {

	public enum Reason {
		DISABLED, DEMOTED
	}
}
