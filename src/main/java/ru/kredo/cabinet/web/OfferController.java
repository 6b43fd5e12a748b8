package ru.kredo.cabinet.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.cabinet.Funnel;
import ru.kredo.cabinet.FunnelStep;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * Accepting a pre-approved discount: the debtor reads the settlement terms (debt forgiveness, ст. 415 ГК РФ) and
 * signs them with a code texted to his phone — a simple electronic signature, recorded with its time and the code's
 * hash in the challenge.
 */
@Controller
@RequestMapping("/cabinet/{agency}/debts/{debt}/offer")
class OfferController {

	private final CabinetController cabinet;
	private final CabinetSignIn codes;
	private final Debts debts;
	private final Offers offers;
	private final Contacts contacts;
	private final Funnel funnel;

	OfferController(CabinetController cabinet, CabinetSignIn codes, Debts debts, Offers offers, Contacts contacts,
			Funnel funnel) {
		this.cabinet = cabinet;
		this.codes = codes;
		this.debts = debts;
		this.offers = offers;
		this.contacts = contacts;
		this.funnel = funnel;
	}

	@PostMapping("/sign")
	String sign(@PathVariable UUID agency, @PathVariable UUID debt, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Tenant tenant = cabinet.agency(agency);
		Contact debtor = debtor(tenant, debt, request);
		try {
			model.addAttribute("challenge", codes.startSignature(tenant, debtor.name(), debtor.phone()));
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/cabinet/" + agency + "/home";
		}
		model.addAttribute("agency", tenant);
		model.addAttribute("debt", debts.get(tenant.id(), new DebtId(debt)));
		model.addAttribute("offer", offers.find(tenant.id(), new DebtId(debt)).orElseThrow(() -> new NotFound("offer.not-found", debt)));
		return "cabinet/offer-sign";
	}

	@PostMapping("/accept")
	String accept(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam UUID challenge,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = cabinet.agency(agency);
		Contact debtor = debtor(tenant, debt, request);
		try {
			ContactId signer = codes.confirm(tenant, challenge, code);
			if (!signer.equals(debtor.id())) {
				throw new Rejected("cabinet.code-wrong");
			}
			offers.accept(tenant.id(), new DebtId(debt), challenge);
			funnel.reached(tenant.id(), CabinetController.visitor(request, response), FunnelStep.OFFER_ACCEPTED);
			redirect.addFlashAttribute("notice", "cabinet.offer-accepted");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/cabinet/" + agency + "/home";
	}

	private Contact debtor(Tenant tenant, UUID debt, HttpServletRequest request) {
		CabinetController.SignedInDebtor signedIn = CabinetController.signedIn(request, tenant);
		Debt owed = signedIn == null ? null : debts.get(tenant.id(), new DebtId(debt));
		if (owed == null || !owed.contactId().equals(signedIn.contactId())) {
			throw new NotFound("debt.not-found", debt);
		}
		return contacts.get(tenant.id(), signedIn.contactId());
	}
}
