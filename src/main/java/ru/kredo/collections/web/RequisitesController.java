package ru.kredo.collections.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.AgencyTexts;
import ru.kredo.documents.Agency;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * An agency admin's legal details, printed on the debtors' certificates of repayment, and what the debtors' cabinet
 * shows besides: hours, e-mail, the collectors' register entry, the privacy policy and the consent's text.
 */
@Controller
@RequestMapping("/requisites")
class RequisitesController {

	private final AgencyRequisites requisites;
	private final AuditLog audit;

	RequisitesController(AgencyRequisites requisites, AuditLog audit) {
		this.requisites = requisites;
		this.audit = audit;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		Optional<AgencyProfile> profile = requisites.profile(me.tenantId());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", profile.map(p -> RequisitesForm.of(p, me.tenantName()))
				.orElseGet(() -> RequisitesForm.empty(me.tenantName())));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "collections/requisites";
	}

	/** A refused form comes back (422) with everything typed and every wrong field marked at once. */
	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser me, RequisitesForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		check(me);
		try {
			save(requisites, me.tenantId(), form, me.tenantName());
			audit.record(AuditAction.REQUISITES_CHANGED, "requisites", me.tenantId().value(), "page");
			redirect.addFlashAttribute("notice", "requisites.saved");
			return "redirect:/requisites";
		}
		catch (InvalidFields invalid) {
			model.addAttribute("form", form);
			model.addAttribute("errors", invalid.errors());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, model);
		}
		catch (Rejected rejected) {
			model.addAttribute("form", form);
			model.addAttribute("problem", rejected);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, model);
		}
	}

	/**
	 * The one save of the page and the API ({@code RequisitesApi}): every field checked by
	 * {@link AgencyProfile#typed} ({@link InvalidFields} naming each wrong one), then kept.
	 */
	static AgencyProfile save(AgencyRequisites requisites, TenantId tenant, RequisitesForm form, String tenantName) {
		return requisites.save(tenant, AgencyProfile.typed(form.fullName(), form.inn(), form.ogrn(), form.address(),
				form.phone(), form.hours(), form.email(), form.registryEntry(), form.privacyPolicy(), form.consentText()),
				tenantName);
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "requisites");
		}
	}

	/** The form; the texts are shown as they read now, the default ones included, to be edited from there. */
	record RequisitesForm(String fullName, String inn, String ogrn, String address, String phone, String hours,
			String email, String registryEntry, String privacyPolicy, String consentText) {

		static RequisitesForm empty(String tenantName) {
			return new RequisitesForm("", "", "", "", "", "", "", "",
					AgencyTexts.privacyPolicy(tenantName, Optional.empty()), AgencyTexts.consent(tenantName, Optional.empty()));
		}

		static RequisitesForm of(AgencyProfile profile, String tenantName) {
			Agency agency = profile.legal();
			return new RequisitesForm(agency.fullName(), agency.inn(), agency.ogrn(), agency.address(), agency.phone(),
					profile.hours(), profile.email(), profile.registryEntry(),
					AgencyTexts.privacyPolicy(tenantName, Optional.of(profile)),
					AgencyTexts.consent(tenantName, Optional.of(profile)));
		}
	}
}
