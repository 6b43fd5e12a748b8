package ru.kredo.cabinet.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;

/**
 * The agency's own pages in its cabinet, open to guests too: «Контакты» (name, phone, hours, requisites, register
 * entry), its privacy policy and the consent to processing personal data, a separate document; and the signed-in
 * debtor's answer to that consent (given, refused or withdrawn), recorded against the version he was shown.
 */
@Controller
@RequestMapping("/cabinet/{agency}")
class AgencyPagesController {

	private final PersonalDataConsents consents;
	private final ConsentQuestion consentQuestion;

	AgencyPagesController(PersonalDataConsents consents, ConsentQuestion consentQuestion) {
		this.consents = consents;
		this.consentQuestion = consentQuestion;
	}

	@GetMapping("/contacts")
	String contacts(@PathVariable UUID agency, @ModelAttribute(name = "cabinetAgency", binding = false) CabinetAgency cabinet,
			Optional<SignedInDebtor> signedIn, Model model) {
		model.addAttribute("agency", cabinet.tenant());
		SignedInDebtor debtor = signedIn.orElse(null);
		if (debtor != null) {
			model.addAttribute("consentGiven", consents.given(cabinet.tenant().id(), debtor.contactId(),
					cabinet.consentText()));
			model.addAttribute("consentVersion", PersonalDataConsents.version(cabinet.consentText()));
		}
		model.addAttribute("signedIn", debtor != null);
		return "cabinet/contacts";
	}

	@GetMapping("/privacy")
	String privacy(@PathVariable UUID agency, @ModelAttribute(name = "cabinetAgency", binding = false) CabinetAgency cabinet, Model model) {
		model.addAttribute("agency", cabinet.tenant());
		model.addAttribute("text", cabinet.privacyPolicy());
		model.addAttribute("heading", "cabinet.privacy-policy");
		return "cabinet/agency-text";
	}

	@GetMapping("/consent")
	String consent(@PathVariable UUID agency, @ModelAttribute(name = "cabinetAgency", binding = false) CabinetAgency cabinet, Model model) {
		model.addAttribute("agency", cabinet.tenant());
		model.addAttribute("text", cabinet.consentText());
		model.addAttribute("heading", "cabinet.consent-document");
		return "cabinet/agency-text";
	}

	/**
	 * Records the signed-in debtor's answer to the consent: {@code give}, or {@code refuse} (also a withdrawal). Only
	 * against the version he was shown: when the text changed since, nothing is recorded and he is asked anew.
	 */
	@PostMapping("/consent")
	String answer(@PathVariable UUID agency, @ModelAttribute(name = "cabinetAgency", binding = false) CabinetAgency cabinet,
			@RequestParam String decision, @RequestParam String version,
			@RequestParam(defaultValue = "home") String back, SignedInDebtor debtor, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!"give".equals(decision) && !"refuse".equals(decision)) {
			throw new NotFound("not-found", decision);
		}
		String text = cabinet.consentText();
		TenantId tenant = cabinet.tenant().id();
		if (PersonalDataConsents.version(text).equals(version)) {
			boolean given = "give".equals(decision);
			// The same answer again (a form sent twice) is not a new one.
			if (!consents.answer(tenant, debtor.contactId(), text).equals(Optional.of(given))) {
				consents.record(tenant, debtor.contactId(), text, given, request.getRemoteAddr(),
						request.getHeader("User-Agent"));
			}
			consentQuestion.answered(request, tenant, debtor.contactId(), version, given);
			redirect.addFlashAttribute("notice", given ? "cabinet.consent-given" : "cabinet.consent-refused");
		}
		return "redirect:/cabinet/" + agency + ("contacts".equals(back) ? "/contacts" : "/home");
	}
}
