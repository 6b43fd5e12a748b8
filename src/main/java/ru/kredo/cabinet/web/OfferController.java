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
import ru.kredo.payments.Money;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payments;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;

/**
 * Accepting a pre-approved discount: the debtor chooses how many parts to pay in (as the offer allows), reads the
 * settlement terms with their schedule (debt forgiveness, ст. 415 ГК РФ) and signs them with a code texted to his
 * phone — a simple electronic signature, recorded with its time and the code's hash in the challenge. The offer keeps
 * the very text he read; the session holds it between the terms page and the code.
 * <p>
 * Both steps refuse, with the reason on his home page, a debt already repaid, one already under a signed settlement,
 * an offer expired, and a debt with a payment under way (the settlement is made on the balance at signing, which that
 * payment is about to change); the code step also refuses terms whose sum no longer matches the balance.
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
	private final Payments payments;

	OfferController(CabinetController cabinet, CabinetSignIn codes, Offers offers, Contacts contacts,
			CabinetActivity activity, MessageSource messages, Payments payments) {
		this.payments = payments;
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
		Offer offer;
		try {
			offer = offers.signable(tenant.id(), owed);
			refuseWhilePaying(tenant, debt);
			List<OfferPart> schedule = offer.scheduleFor(parts);
			CabinetSignIn.Challenge challenge = codes.startSignature(tenant, debtor.name(), debtor.phone());
			SettlementTerms terms = SettlementTerms.of(messages, locale, tenant, owed, offer, schedule);
			request.getSession().setAttribute(PENDING, new PendingSignature(challenge.id(), debt, parts,
					offer.offerAmount().kopecks(), terms.text()));
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
			refuseWhilePaying(tenant, debt);
			Offer accepted = offers.accept(tenant.id(), new DebtId(debt), challenge, pending.parts(),
					Money.ofKopecks(pending.offerAmount()), pending.terms());
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

	private void refuseWhilePaying(Tenant tenant, UUID debt) {
		Money underWay = payments.underWay(tenant.id(), new PayableRef(debt));
		if (!underWay.isZero()) {
			throw new Rejected("offer.payment-under-way", underWay);
		}
	}

	private Contact debtor(Tenant tenant, UUID debt, HttpServletRequest request) {
		Debt owed = cabinet.ownDebt(tenant, CabinetController.signedIn(request, tenant), debt);
		return contacts.get(tenant.id(), owed.contactId());
	}

	/** Terms shown to the debtor, waiting for the code that signs them. */
	record PendingSignature(UUID challenge, UUID debt, int parts, long offerAmount, String terms) implements Serializable {
	}
}
