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
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.AgencyTexts;
import ru.kredo.documents.Agency;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;

/**
 * An agency admin's legal details, printed on the debtors' certificates of repayment, and what the debtors' cabinet
 * shows besides: hours, e-mail, the collectors' register entry, the privacy policy and the consent's text.
 */
@Controller
@RequestMapping("/requisites")
class RequisitesController {

	private final AgencyRequisites requisites;

	RequisitesController(AgencyRequisites requisites) {
		this.requisites = requisites;
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
			requisites.save(me.tenantId(), AgencyProfile.typed(form.fullName(), form.inn(), form.ogrn(), form.address(),
					form.phone(), form.hours(), form.email(), form.registryEntry(), form.privacyPolicy(),
					form.consentText()), me.tenantName());
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
