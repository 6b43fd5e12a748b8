package ru.kredo.cabinet.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.cabinet.CabinetActivity;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferPart;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
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
	/** The settlement's signing step: a refusal of the terms at the code leaves them in the session. */
	private static final SigningStep.Kind<PendingSignature> STEP = new SigningStep.Kind<>(PENDING,
			PendingSignature.class, "offer", "accept", "cabinet/offer-sign", "", false);

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final Visitors visitors;
	private final CabinetSignIn codes;
	private final Offers offers;
	private final Contacts contacts;
	private final CabinetActivity activity;
	private final MessageSource messages;
	private final Payments payments;
	private final SigningStep signing;

	OfferController(CabinetAgencies agencies, OwnDebts ownDebts, Visitors visitors, CabinetSignIn codes,
			Offers offers, Contacts contacts, CabinetActivity activity, MessageSource messages, Payments payments,
			SigningStep signing) {
		this.signing = signing;
		this.payments = payments;
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.visitors = visitors;
		this.codes = codes;
		this.offers = offers;
		this.contacts = contacts;
		this.activity = activity;
		this.messages = messages;
	}

	/**
	 * «Принять предложение»: texts the signing code and sends him on to the signing step, a page of its own
	 * ({@code GET …/offer/sign}), so that a reload, the back button or a restored tab shows the terms again and sends
	 * no second code.
	 */
	@PostMapping("/sign")
	String sign(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(defaultValue = "1") int parts,
			Optional<SignedInDebtor> signedIn, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		String phone = signedIn.map(SignedInDebtor::phone).orElse(null);
		return signing.start(STEP, agency, debt, () -> begin(tenant, owed, parts, phone, request, locale), redirect);
	}

	/**
	 * Texts a signing code for the terms in {@code parts} and keeps them, as he will read them, in the session. The
	 * code goes to the number he signed in with ({@link CabinetSignIn#signingPhone}): a debtor whose only phone is a
	 * bureau's signs too.
	 */
	private void begin(Tenant tenant, Debt owed, int parts, String signedInWith, HttpServletRequest request,
			Locale locale) {
		Contact debtor = contacts.get(tenant.id(), owed.contactId());
		Offer offer = offers.signable(tenant.id(), owed);
		refuseWhilePaying(tenant, owed.id().value());
		List<OfferPart> schedule = offer.scheduleFor(parts);
		PhoneNumber to = codes.signingPhone(tenant, debtor, signedInWith);
		CabinetSignIn.Challenge challenge = codes.startSignature(tenant, debtor.name(), to, owed.contractNumber());
		SettlementTerms terms = SettlementTerms.of(messages, locale, tenant, owed, offer, schedule);
		request.getSession().setAttribute(PENDING, new PendingSignature(challenge.id(), owed.id().value(), parts,
				offer.offerAmount().kopecks(), terms.text(), terms, challenge.demoCode(), challenge.resendAt(),
				to.e164()));
	}

	/** The signing step ({@link SigningStep#show}): the settlement's terms and the code's field. */
	@GetMapping("/sign")
	String signing(@PathVariable UUID agency, @PathVariable UUID debt, SignedInDebtor signedIn,
			HttpServletRequest request, Model model) {
		Tenant tenant = agencies.get(agency);
		return signing.show(STEP, tenant, ownDebts.get(tenant, signedIn, debt), request, model);
	}

	/** «Отправить код ещё раз» on the signing step: a new code for the same choice of parts, not before its time. */
	@PostMapping("/resend")
	String resend(@PathVariable UUID agency, @PathVariable UUID debt, Optional<SignedInDebtor> signedIn,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, signedIn, debt);
		return signing.resend(STEP, agency, debt, request, redirect,
				pending -> begin(tenant, owed, pending.parts(), signedIn.map(SignedInDebtor::phone).orElse(null),
						request, locale));
	}

	/**
	 * The code that signs ({@link SigningStep#confirm}): right, the settlement is his and so says the debt's page —
	 * unless a payment got under way meanwhile; a wrong, expired or overtried code keeps him on the signing step with
	 * the reason; terms that no longer hold send him back to the debt with why.
	 */
	@PostMapping("/accept")
	String accept(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(required = false) UUID challenge,
			@RequestParam(defaultValue = "") String code, Optional<SignedInDebtor> signedIn,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		ContactId debtor = ownDebts.get(tenant, signedIn, debt).contactId();
		return signing.confirm(STEP, tenant, debt, debtor, challenge, code, request, redirect, pending -> {
			refuseWhilePaying(tenant, debt);
			// The number the code went to is kept with the signature, for the copy of the agreement.
			Offer accepted = offers.accept(tenant.id(), new DebtId(debt), pending.challenge(), pending.parts(),
					Money.ofKopecks(pending.offerAmount()), pending.terms(),
					pending.sentTo() == null ? null : new PhoneNumber(pending.sentTo()));
			activity.offerAccepted(tenant.id(), visitors.of(request, response), debtor, debt, accepted.offerAmount());
			return "cabinet.offer-accepted";
		});
	}

	private void refuseWhilePaying(Tenant tenant, UUID debt) {
		Money underWay = payments.underWay(tenant.id(), new PayableRef(debt));
		if (!underWay.isZero()) {
			throw new Rejected("offer.payment-under-way", underWay);
		}
	}

	/**
	 * Terms shown to the debtor, waiting for the code that signs them: the text the offer will keep, the terms as the
	 * page shows them, when another code may be asked for, and the number (E.164) the code was texted to.
	 */
	record PendingSignature(UUID challenge, UUID debt, int parts, long offerAmount, String terms, SettlementTerms shown,
			String demoCode, Instant resendAt, String sentTo) implements SigningStep.Pending {
	}
}
