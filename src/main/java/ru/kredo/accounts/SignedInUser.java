package ru.kredo.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** The principal of a UI session. */
public record SignedInUser(UserId userId, TenantId tenantId, TenantKind tenantKind, String tenantName,
		String displayName, String email, Role role, boolean enabled, String passwordHash)
		implements UserDetails, Actor {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String auditName() {
		return "user:" + userId;
	}

	@Override
	public java.util.UUID actingUserId() {
		return userId.value();
	}

	/** Administers the tenant: a tenant's admin, or an operator for the platform's own tenant. */
	public boolean isAdmin() {
		return role == Role.ADMIN || role == Role.OPERATOR;
	}

	@Override
	public String toString() {
		return "SignedInUser[" + userId + "]";
	}
}
