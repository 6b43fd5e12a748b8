package ru.kredo.tenancy.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.platform.HiddenRoutes;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.tenancy.TenantKindAccess;

/**
 * {@link TenantKindAccess} for a request no handler was chosen for (a wrong method or Content-Type): its path falls
 * under a staff row whose kinds exclude the caller's, so it answers 404 as {@link TenantKindInterceptor} would once a
 * handler had been found — a broker's key learns nothing of an agency's endpoints from a 405 or a 415.
 */
@Component
class TenantKindRoutes implements HiddenRoutes {

	private final CurrentTenant current;

	TenantKindRoutes(CurrentTenant current) {
		this.current = current;
	}

	@Override
	public boolean hides(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<TenantKindAccess.Row> row = TenantKindAccess.forMapping(path);
		if (row.isEmpty() || row.get().subject() != TenantKindAccess.Subject.ACTOR) {
			return false;
		}
		Optional<TenantKind> kind = current.findActor().map(Actor::tenantKind);
		return kind.filter(row.get()::allows).isEmpty();
	}
}
