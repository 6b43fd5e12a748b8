package ru.kredo.cabinet.web;

import java.util.UUID;

import org.springframework.stereotype.Component;

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

	private final TenantDirectory tenants;

	CabinetAgencies(TenantDirectory tenants) {
		this.tenants = tenants;
	}

	Tenant get(UUID id) {
		return tenants.find(new TenantId(id)).orElseThrow(() -> new NotFound("tenant.not-found", id));
	}
}
