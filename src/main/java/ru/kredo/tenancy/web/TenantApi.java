package ru.kredo.tenancy.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;

@RestController
@Tag(name = "Tenant", description = "Who the API key acts for")
class TenantApi {

	private final CurrentTenant current;
	private final TenantDirectory tenants;

	TenantApi(CurrentTenant current, TenantDirectory tenants) {
		this.current = current;
		this.tenants = tenants;
	}

	@GetMapping("/api/v1/tenant")
	@Operation(summary = "The tenant of the calling API key")
	TenantResource tenant() {
		Tenant tenant = tenants.get(current.id());
		return new TenantResource(tenant.id().value(), tenant.name(), tenant.kind().name());
	}

	record TenantResource(UUID id, String name, String kind) {
	}
}
