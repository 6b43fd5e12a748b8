package ru.kredo.cabinet.web;

import java.util.UUID;

import org.springframework.stereotype.Component;

import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency a cabinet's address names ({@code /cabinet/{agency}/…}): a collection agency Kredo knows; anything else
 * (an unknown id, a broker) is one 404, which says neither.
 */
@Component
class CabinetAgencies {

	private final TenantDirectory tenants;

	CabinetAgencies(TenantDirectory tenants) {
		this.tenants = tenants;
	}

	Tenant get(UUID id) {
		Tenant tenant = tenants.find(new TenantId(id)).orElseThrow(() -> new NotFound("tenant.not-found", id));
		if (tenant.kind() != TenantKind.COLLECTOR) {
			throw new NotFound("tenant.not-found", id);
		}
		return tenant;
	}
}
