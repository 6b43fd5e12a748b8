package ru.kredo.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;

/** Looks up who is signing in, for Spring Security's form login. */
@Service
class SignIn implements UserDetailsService {

	private final UserAccounts accounts;
	private final TenantDirectory tenants;

	SignIn(UserAccounts accounts, TenantDirectory tenants) {
		this.accounts = accounts;
		this.tenants = tenants;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		UserAccounts.Credentials credentials = accounts.credentials(email)
			.orElseThrow(() -> new UsernameNotFoundException("unknown login"));
		User user = credentials.user();
		Tenant tenant = tenants.get(user.tenantId());
		return new SignedInUser(user.id(), tenant.id(), tenant.kind(), tenant.name(), user.displayName(),
				user.email().value(), user.role(), user.enabled(), credentials.passwordHash());
	}
}
