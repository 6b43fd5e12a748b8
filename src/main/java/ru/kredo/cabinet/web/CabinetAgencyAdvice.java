package ru.kredo.cabinet.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/**
 * Gives every cabinet page ({@code /cabinet/{agency}/…}) its agency as {@code cabinetAgency}, for the footer that
 * names the agency, its phone and hours, and links its contacts and privacy policy
 * ({@code cabinet/fragments/agency :: footer}).
 */
@ControllerAdvice(basePackageClasses = CabinetAgencyAdvice.class)
class CabinetAgencyAdvice {

	private final TenantDirectory tenants;
	private final AgencyRequisites requisites;

	CabinetAgencyAdvice(TenantDirectory tenants, AgencyRequisites requisites) {
		this.tenants = tenants;
		this.requisites = requisites;
	}

	@ModelAttribute
	void agency(HttpServletRequest request, Model model) {
		Optional<UUID> agency = CabinetAgencies.inPath(request);
		if (agency.isEmpty()) {
			return;
		}
		UUID id = agency.get();
		TenantId tenant = new TenantId(id);
		model.addAttribute("cabinetAgency", new CabinetAgency(
				() -> tenants.find(tenant).orElseThrow(() -> new NotFound("tenant.not-found", id)),
				() -> requisites.shown(tenant)));
	}
}
