package ru.kredo.cabinet.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * The agency a cabinet's address names ({@code /cabinet/{agency}/…}), for its handlers. That it is a collection
 * agency is declared with every other kind rule in {@link ru.kredo.tenancy.TenantKindAccess} and checked before any
 * handler runs: an unknown id or a broker's is one 404, which says neither.
 */
@Component
class CabinetAgencies {

	/**
	 * The agency id a cabinet page's address carries ({@code /cabinet/{agency}/…}); none for another page or an
	 * address whose {@code {agency}} is not an id (the handler answers that one).
	 */
	static Optional<UUID> inPath(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/cabinet/")
				|| !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| !(variables.get("agency") instanceof String agency)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(agency));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	private final TenantDirectory tenants;

	CabinetAgencies(TenantDirectory tenants) {
		this.tenants = tenants;
	}

	Tenant get(UUID id) {
		return tenants.find(new TenantId(id)).orElseThrow(() -> new NotFound("tenant.not-found", id));
	}
}
