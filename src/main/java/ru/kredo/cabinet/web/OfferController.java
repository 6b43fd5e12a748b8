package ru.kredo.cabinet.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.cabinet.CabinetActivity;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferPart;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * Accepting a pre-approved discount: the debtor chooses how many parts to pay in (as the offer allows), reads the
 * settlement terms with their schedule (debt forgiveness, ст. 415 ГК РФ) and signs them with a code texted to his
 * phone — a simple electronic signature, recorded with its time and the code's hash in the challenge. The offer keeps
 * the very text he read; the session holds it between the terms page and the code.
 */
@Controller
@RequestMapping("/cabinet/{agency}/debts/{debt}/offer")
class OfferController {

	static final String PENDING = "kredo.cabinet.pending-offer";

	private final CabinetController cabinet;
	private final CabinetSignIn codes;
	private final Offers offers;
	private final Contacts contacts;
	private final CabinetActivity activity;
	private final MessageSource messages;

	OfferController(CabinetController cabinet, CabinetSignIn codes, Offers offers, Contacts contacts,
			CabinetActivity activity, MessageSource messages) {
		this.cabinet = cabinet;
		this.codes = codes;
		this.offers = offers;
		this.contacts = contacts;
		this.activity = activity;
		this.messages = messages;
	}

	@PostMapping("/sign")
	String sign(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(defaultValue = "1") int parts,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		Tenant tenant = cabinet.agency(agency);
		Debt owed = cabinet.ownDebt(tenant, CabinetController.signedIn(request, tenant), debt);
		Contact debtor = contacts.get(tenant.id(), owed.contactId());
		Offer offer = offers.find(tenant.id(), owed.id()).orElseThrow(() -> new NotFound("offer.not-found", debt));
		try {
			if (offer.status() != Offer.Status.OFFERED) {
				throw new Rejected("offer.not-open");
			}
			List<OfferPart> schedule = offer.scheduleFor(parts);
			CabinetSignIn.Challenge challenge = codes.startSignature(tenant, debtor.name(), debtor.phone());
			SettlementTerms terms = SettlementTerms.of(messages, locale, tenant, owed, offer, schedule);
			request.getSession().setAttribute(PENDING, new PendingSignature(challenge.id(), debt, parts, terms.text()));
			model.addAttribute("challenge", challenge);
			model.addAttribute("terms", terms);
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/cabinet/" + agency + "/home";
		}
		model.addAttribute("agency", tenant);
		model.addAttribute("debt", owed);
		model.addAttribute("offer", offer);
		return "cabinet/offer-sign";
	}

	@PostMapping("/accept")
	String accept(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam UUID challenge,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = cabinet.agency(agency);
		Contact debtor = debtor(tenant, debt, request);
		try {
			// Only the terms this session showed may be signed with this challenge.
			if (!(request.getSession().getAttribute(PENDING) instanceof PendingSignature pending)
					|| !pending.challenge().equals(challenge) || !pending.debt().equals(debt)) {
				throw new Rejected("cabinet.sign-again");
			}
			ContactId signer = codes.confirm(tenant, challenge, code);
			if (!signer.equals(debtor.id())) {
				throw new Rejected("cabinet.code-wrong");
			}
			Offer accepted = offers.accept(tenant.id(), new DebtId(debt), challenge, pending.parts(), pending.terms());
			request.getSession().removeAttribute(PENDING);
			activity.offerAccepted(tenant.id(), cabinet.visitor(request, response), debtor.id(), debt,
					accepted.offerAmount());
			redirect.addFlashAttribute("notice", "cabinet.offer-accepted");
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/cabinet/" + agency + "/home";
	}

	private Contact debtor(Tenant tenant, UUID debt, HttpServletRequest request) {
		Debt owed = cabinet.ownDebt(tenant, CabinetController.signedIn(request, tenant), debt);
		return contacts.get(tenant.id(), owed.contactId());
	}

	/** Terms shown to the debtor, waiting for the code that signs them. */
	record PendingSignature(UUID challenge, UUID debt, int parts, String terms) implements Serializable {
	}
}
