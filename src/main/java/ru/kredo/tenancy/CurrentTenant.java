package ru.kredo.tenancy;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way to learn the current tenant: the {@link Actor} that authenticated this request. Code that needs the
 * tenant asks here, then passes the {@link TenantId} explicitly to every query.
 */
@Component
public class CurrentTenant {

	/** The current tenant; fails when the request is anonymous, which is a programming error behind the login. */
	public TenantId id() {
		return actor().tenantId();
	}

	public TenantKind kind() {
		return actor().tenantKind();
	}

	public Actor actor() {
		return findActor().orElseThrow(() -> new IllegalStateException("No authenticated tenant in this request"));
	}

	public Optional<Actor> findActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}
}
