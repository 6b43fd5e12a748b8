package ru.kredo.cabinet.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
import ru.kredo.cabinet.Funnel;
import ru.kredo.cabinet.FunnelStep;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtorsDebts;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeAttachments;
import ru.kredo.collections.Disputes;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.conversations.DisputeFiles;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.documents.Agency;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentDetails;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentSettings;
import ru.kredo.payments.Payments;
import ru.kredo.platform.ClientAddress;
import ru.kredo.platform.RateLimiter;
import ru.kredo.platform.RateLimits;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.web.TimeDisplay;
import ru.kredo.tenancy.Tenant;

/**
 * The cabinet's public pages, one cabinet per collection agency at {@code /cabinet/{agency id}}: the door (ФИО and
 * phone), the code, and the debtor's home. Every step is recorded in the agency's funnel under a first-party cookie.
 */
@Controller
@RequestMapping("/cabinet/{agency}")
class CabinetController {

	static final String PENDING_SIGN_IN = "kredo.cabinet.pending-sign-in";
	private static final String PAYMENT_STARTED = "kredo.cabinet.payment.";
	// The session's «Оплатить всё» payment, beside the single payments kept by debt.
	private static final String ALL = "all";
	private static final String VIEW_RECORDED = "kredo.cabinet.viewed.";
	private static final String NAME = "kredo.cabinet.name.";

	private final CabinetAgencies agencies;
	private final OwnDebts ownDebts;
	private final Visitors visitors;
	private final CabinetSignIn signIn;
	private final Contacts contacts;
	private final Funnel funnel;
	private final Debts debts;
	private final Payments payments;
	private final Offers offers;
	private final CabinetActivity activity;
	private final AgencyRequisites requisites;
	private final TimeDisplay time;
	private final Clock clock;
	private final PaymentSettings paymentSettings;
	private final ConsentQuestion consentQuestion;
	private final DisputeFiles disputeFiles;
	private final Disputes disputes;
	private final PlanCalculator planCalculator;
	private final TransactionTemplate readOnly;
	private final RateLimiter perAddress;

	CabinetController(CabinetAgencies agencies, OwnDebts ownDebts, Visitors visitors, CabinetSignIn signIn,
			Contacts contacts, Funnel funnel, Debts debts, Payments payments, Offers offers, CabinetActivity activity,
			AgencyRequisites requisites, TimeDisplay time, Clock clock, PaymentSettings paymentSettings,
			ConsentQuestion consentQuestion, Disputes disputes, DisputeFiles disputeFiles, PlanCalculator planCalculator,
			PlatformTransactionManager transactions, RateLimits limits) {
		// One address walking many phones: 30 requests for a code an hour, counted for all nodes together.
		this.perAddress = limits.limiter("cabinet.door-address", 30, Duration.ofHours(1));
		this.planCalculator = planCalculator;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.consentQuestion = consentQuestion;
		this.disputeFiles = disputeFiles;
		this.disputes = disputes;
		this.paymentSettings = paymentSettings;
		this.agencies = agencies;
		this.ownDebts = ownDebts;
		this.visitors = visitors;
		this.signIn = signIn;
		this.contacts = contacts;
		this.funnel = funnel;
		this.debts = debts;
		this.payments = payments;
		this.offers = offers;
		this.activity = activity;
		this.requisites = requisites;
		this.time = time;
		this.clock = clock;
	}

	@GetMapping
	String door(@PathVariable UUID agency, HttpServletRequest request, HttpServletResponse response, Model model) {
		Tenant tenant = agencies.get(agency);
		if (visitors.isAVisit(request)) {
			funnel.reached(tenant.id(), visitors.of(request, response), FunnelStep.VISIT);
		}
		model.addAttribute("agency", tenant);
		return "cabinet/door";
	}

	/**
	 * The door's form: starts a sign-in and sends the guest on to the code step, a page of its own ({@code GET /code}),
	 * so that a reload, the back button or a restored tab shows that step again instead of sending the form (and
	 * another code) again. The started sign-in waits in the session; the address shows nothing of it. The same ФИО and
	 * phone again while its code is still good go to that step with no new code.
	 */
	@PostMapping("/sign-in")
	String start(@PathVariable UUID agency, @RequestParam(defaultValue = "") String fullName,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		UUID visitor = visitors.of(request, response);
		funnel.reached(tenant.id(), visitor, FunnelStep.LOGIN_STARTED);
		try {
			FullName name = name(fullName);
			PhoneNumber number = PhoneNumber.parse(phone);
			PendingSignIn pending = pendingSignIn(request, tenant);
			if (pending != null && pending.sameGuest(name, number) && pending.expiresAt().isAfter(clock.instant())) {
				return "redirect:/cabinet/" + agency + "/code";
			}
			if (!perAddress.tryTake(ClientAddress.forLimits(request.getRemoteAddr()))) {
				throw new Rejected("cabinet.too-many-codes");
			}
			CabinetSignIn.Challenge challenge = signIn.start(tenant, name, number, ClientAddress.forLimits(request.getRemoteAddr()), visitor);
			funnel.reached(tenant.id(), visitor, FunnelStep.CODE_SENT);
			request.getSession().setAttribute(PENDING_SIGN_IN, PendingSignIn.of(tenant, challenge, name, number));
			return "redirect:/cabinet/" + agency + "/code";
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			redirect.addFlashAttribute("fullName", fullName);
			redirect.addFlashAttribute("phone", phone);
			return "redirect:/cabinet/" + agency;
		}
	}

	/**
	 * The code step, for the sign-in this session started: the same page whether or not the agency knows the guest
	 * (what to check when no code comes, the agency's phone), and when another code may be asked for, counted down.
	 * Without one it is the door again, or the cabinet for a debtor already in.
	 */
	@GetMapping("/code")
	String code(@PathVariable UUID agency, Optional<SignedInDebtor> signedIn, HttpServletRequest request, Model model) {
		Tenant tenant = agencies.get(agency);
		PendingSignIn pending = pendingSignIn(request, tenant);
		if (pending == null) {
			return "redirect:/cabinet/" + agency + (signedIn.isPresent() ? "/home" : "");
		}
		model.addAttribute("agency", tenant);
		model.addAttribute("challenge", pending.challenge());
		model.addAttribute("demoCode", pending.demoCode());
		model.addAttribute("resendIn", secondsUntil(pending.resendAt()));
		model.addAttribute("agencyPhone", requisites.of(tenant.id()).map(Agency::phone).orElse(null));
		return "cabinet/code";
	}

	/**
	 * The code: right, the cabinet; wrong, expired or tried too often, the code step again with the reason. The
	 * challenge is the one this session started (or the one the page posts, when an older tab's code is typed).
	 */
	@PostMapping("/code")
	String confirm(@PathVariable UUID agency, @RequestParam(required = false) UUID challenge,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		PendingSignIn pending = pendingSignIn(request, tenant);
		UUID confirmed = challenge != null ? challenge : pending == null ? null : pending.challenge();
		try {
			if (confirmed == null) {
				throw new Rejected("cabinet.code-expired");
			}
			ContactId debtor = signIn.confirm(tenant, confirmed, code);
			activity.signedIn(tenant.id(), visitors.of(request, response), debtor);
			// The number the code proved: his signing codes go to it (an older tab's challenge: not known here).
			String phone = pending != null && pending.challenge().equals(confirmed) ? pending.phone() : null;
			request.changeSessionId();
			request.getSession().removeAttribute(PENDING_SIGN_IN);
			SignedInDebtors.signIn(request, new SignedInDebtor(tenant.id(), debtor, phone));
			return "redirect:/cabinet/" + agency + "/home";
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/cabinet/" + agency + "/code";
		}
	}

	/**
	 * «Отправить код ещё раз»: another code for the same ФИО and phone, under the same limits as the first; refused
	 * before its time with how long is left, which the page then counts down.
	 */
	@PostMapping("/code/resend")
	String resend(@PathVariable UUID agency, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		PendingSignIn pending = pendingSignIn(request, tenant);
		if (pending == null) {
			return "redirect:/cabinet/" + agency;
		}
		UUID visitor = visitors.of(request, response);
		try {
			if (clock.instant().isBefore(pending.resendAt())) {
				throw new Rejected("cabinet.resend-too-soon", secondsUntil(pending.resendAt()));
			}
			if (!perAddress.tryTake(ClientAddress.forLimits(request.getRemoteAddr()))) {
				throw new Rejected("cabinet.too-many-codes");
			}
			FullName name = name(pending.fullName());
			PhoneNumber number = PhoneNumber.parse(pending.phone());
			CabinetSignIn.Challenge challenge = signIn.start(tenant, name, number, ClientAddress.forLimits(request.getRemoteAddr()), visitor);
			request.getSession().setAttribute(PENDING_SIGN_IN, PendingSignIn.of(tenant, challenge, name, number));
			redirect.addFlashAttribute("notice", "cabinet.code-resent");
		}
		catch (Rejected rejected) {
			if ("cabinet.resend-too-soon".equals(rejected.code()) && rejected.arguments().length == 1
					&& rejected.arguments()[0] instanceof Long seconds) {
				request.getSession().setAttribute(PENDING_SIGN_IN, pending.resendAfter(clock.instant().plusSeconds(seconds)));
			}
			redirect.addFlashAttribute("problem", rejected);
		}
		return "redirect:/cabinet/" + agency + "/code";
	}

	private long secondsUntil(Instant at) {
		long millis = Duration.between(clock.instant(), at).toMillis();
		return millis <= 0 ? 0 : (millis + 999) / 1000;
	}

	private static PendingSignIn pendingSignIn(HttpServletRequest request, Tenant tenant) {
		return request.getSession(false) != null
				&& request.getSession(false).getAttribute(PENDING_SIGN_IN) instanceof PendingSignIn pending
				&& pending.tenant().equals(tenant.id().value()) ? pending : null;
	}

	/**
	 * His home: a greeting, what he owes now and one line per debt with what he can do about it (an offer, paying, the
	 * certificate); each debt's whole card is a page of its own ({@link #debt}), so the first screen stays short on a
	 * phone and the page that every visit opens renders a line per debt, not every schedule and form.
	 */
	@GetMapping("/home")
	String home(@PathVariable UUID agency, SignedInDebtor debtor, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Tenant tenant = agencies.get(agency);
		DebtorsDebts his = cards(tenant, debtor, request, model, null);
		model.addAttribute("owedTotal", OwedTotal.of(his.debts(), cardsIn(model)));
		recordViews(tenant, debtor, request, response, his, null,
				consentQuestion.ask(model, request, tenant.id(), debtor.contactId()));
		return "cabinet/home";
	}

	/**
	 * One of his debts in full: its headline, offer and schedule, dispute, what it is made of, the pay form and its
	 * payments. Another's debt, or none, is the same 404. What the page reads it reads in one read-only transaction
	 * (a statement each in a transaction of its own had made six a page), and the plan policy once, for both the plan's
	 * card and the calculator; the views it records (once a visit) are written after it.
	 */
	@GetMapping("/debts/{debt}")
	String debt(@PathVariable UUID agency, @PathVariable UUID debt, SignedInDebtor debtor, HttpServletRequest request,
			HttpServletResponse response, Model model, @RequestParam(required = false) String by,
			@RequestParam(required = false) String months, @RequestParam(required = false) String monthly,
			@RequestParam(required = false) String first, @RequestParam(required = false) String discount) {
		Tenant tenant = agencies.get(agency);
		DebtId id = new DebtId(debt);
		Read read = readOnly.execute(transaction -> {
			DebtorsDebts his = cards(tenant, debtor, request, model, id);
			if (cardsIn(model).isEmpty()) {
				throw new ru.kredo.platform.NotFound("debt.not-found", debt);
			}
			model.addAttribute("card", cardsIn(model).getFirst());
			// «Погасить частями»: the calculator answers by GET on this page; nothing is stored.
			his.debts().stream().filter(d -> d.id().equals(id)).findFirst()
				.ifPresent(owed -> planCalculator.show(owed, new PlanCalculator.Form(by, months, monthly, first, discount),
					model));
			return new Read(his, consentQuestion.ask(model, request, tenant.id(), debtor.contactId()));
		});
		recordViews(tenant, debtor, request, response, read.his(), id, read.consented());
		return "cabinet/debt";
	}

	/** What a debt's page read in its transaction: his debts, and whether he consented to his views being kept. */
	private record Read(DebtorsDebts his, boolean consented) {
	}

	@SuppressWarnings("unchecked")
	private static List<DebtCard> cardsIn(Model model) {
		return (List<DebtCard>) model.getAttribute("cards");
	}

	/**
	 * What the home page and a debt's page both show: the agency, his name, and his debts as cards (all of them, or
	 * only {@code only}), with the payments he can continue. Two statements: his debts with their payments and
	 * offers, and the payments under way; his disputes only if he ever opened one.
	 */
	private DebtorsDebts cards(Tenant tenant, SignedInDebtor debtor, HttpServletRequest request, Model model,
			DebtId only) {
		model.addAttribute("agency", tenant);
		model.addAttribute("agencyId", tenant.id().value().toString());
		// The page greets him by name and shows none of his identifiers, so none is opened; read once a session.
		model.addAttribute("name", nameOf(request, tenant, debtor));
		// His debts, their payments and offers in one statement; nothing is written here (offers are made when a rule
		// or a debt changes, not when he looks).
		DebtorsDebts his = debts.ofDebtor(tenant.id(), debtor.contactId());
		List<Debt> owed = his.debts().stream().filter(d -> only == null || d.id().equals(only)).toList();
		Map<DebtId, List<DebtPayment>> history = his.payments();
		Map<DebtId, Offer> offered = his.offers();
		boolean accepted = owed.stream().map(d -> offered.get(d.id())).anyMatch(o -> o != null && o.wasAccepted());
		boolean paymentsAvailable = paymentSettings.available(tenant.id());
		// The requisites, read once for the page with its footer (CabinetAgency): the schedule's PDF (a signed offer)
		// needs them, and without a payment provider the debtor is told so, with the agency's phone when it is known.
		Optional<Agency> legal = Optional.ofNullable(((CabinetAgency) model.getAttribute("cabinetAgency")).legal());
		boolean documents = accepted && legal.isPresent();
		// The latest dispute of each debt: while open the card says so, once resolved how and why; read only for a
		// debtor who has ever disputed one (the debts' own read says so).
		Map<DebtId, Dispute> disputed = owed.stream().noneMatch(d -> his.everDisputed().contains(d.id())) ? Map.of()
				: disputes.latestOf(tenant.id(), debtor.contactId());
		// Payments the agency received outside Kredo are marked so in the history (the debts' own read says which).
		java.util.Set<UUID> outside = owed.stream().flatMap(d -> history.get(d.id()).stream())
			.filter(DebtPayment::outside).map(DebtPayment::paymentId).collect(java.util.stream.Collectors.toSet());
		// What the agency returned through the provider of a payment that brought more than was owed: asked only when
		// there is such a payment (rare), so an ordinary page reads nothing more.
		List<ru.kredo.payments.PaymentId> overpaid = owed.stream().flatMap(d -> history.get(d.id()).stream())
			.filter(p -> p.amount().exceeds(p.split().total()))
			.map(p -> new ru.kredo.payments.PaymentId(p.paymentId())).distinct().toList();
		Map<UUID, Money> returned = overpaid.isEmpty() ? Map.of()
				: payments.refunded(tenant.id(), overpaid).entrySet().stream()
					.collect(java.util.stream.Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
		List<DebtCard> cards = owed.stream()
			.map(debt -> DebtCard.of(debt, offered.get(debt.id()), history.get(debt.id()), documents, time,
					disputed.get(debt.id()), outside, returned))
			.toList();
		model.addAttribute("cards", cards);
		// The files he attached to his disputes, by the debt each latest dispute is of: only a debt's page shows them,
		// read only when he has one.
		Map<UUID, List<DisputeAttachments.Listed>> files = disputed.isEmpty() || only == null ? Map.of()
				: disputeFiles.ofDebtor(tenant.id(), debtor.contactId());
		model.addAttribute("disputeFiles", disputed.values().stream().filter(d -> files.containsKey(d.id()))
			.collect(java.util.stream.Collectors.toMap(d -> d.debtId().value().toString(), d -> files.get(d.id()))));
		model.addAttribute("paymentKey", UUID.randomUUID());
		model.addAttribute("paymentsAvailable", paymentsAvailable);
		model.addAttribute("agencyPhone", legal.map(Agency::phone).orElse(null));
		// A payment he started and left on the provider's page is offered again, rather than only named as under way
		// (one query for all his debts).
		List<PayableRef> payables = owed.stream().map(debt -> new PayableRef(debt.id().value())).toList();
		// Likewise a payment of all his debts at once, offered again beside the total (one query for both).
		Payments.Continuable left = payments.continuableOfAny(tenant.id(), payables);
		Payment continuableAll = left.together().orElse(null);
		model.addAttribute("continuableAll", continuableAll);
		Map<PayableRef, Payment> continuable = left.ofPayables();
		model.addAttribute("continuable", continuable.values().stream()
			.collect(java.util.stream.Collectors.toMap(p -> p.payable().debtId().toString(), p -> p)));
		// What of the total the payments he left on the provider's pages already pay: «Оплатить всё» takes only the rest
		// (Payments.startTogether), and the card says so rather than let the button's sum surprise him.
		Money underWay = continuableAll == null ? Money.ZERO : continuableAll.amount();
		for (int i = 0; i < owed.size(); i++) {
			Payment started = continuable.get(payables.get(i));
			if (started != null && OwedTotal.payableNow(owed.get(i))) {
				underWay = underWay.plus(started.amount().min(cards.get(i).owed().amount()));
			}
		}
		model.addAttribute("payAllUnderWay", underWay.isZero() ? null : DebtCard.roubles(underWay));
		return his;
	}

	/**
	 * What he looked at is kept on his card only with his consent (docs/privacy.md); the funnel counts it anyway, by
	 * the visitor's cookie, not by his name ({@code consented}: his answer, {@link ConsentQuestion#ask}). Home shows
	 * every debt and names every offer; a debt's page, that debt.
	 */
	private void recordViews(Tenant tenant, SignedInDebtor debtor, HttpServletRequest request,
			HttpServletResponse response, DebtorsDebts his, DebtId only, boolean consented) {
		UUID visitor = visitors.of(request, response);
		if (!his.debts().isEmpty()) {
			viewedOncePerVisit(request, tenant, visitor, debtor, FunnelStep.DEBT_VIEWED, null, consented);
		}
		his.offers().values().stream()
			.filter(o -> o.status() == Offer.Status.OFFERED && (only == null || o.debtId().equals(only)))
			.forEach(o -> viewedOncePerVisit(request, tenant, visitor, debtor, FunnelStep.OFFER_VIEWED,
					o.debtId().value(), consented));
	}

	/** The debtor's name, read at the first page of a session and kept in it (the greeting is all it is used for). */
	private FullName nameOf(HttpServletRequest request, Tenant tenant, SignedInDebtor debtor) {
		String key = NAME + tenant.id().value() + "." + debtor.contactId().value();
		if (request.getSession().getAttribute(key) instanceof FullName known) {
			return known;
		}
		FullName name = contacts.name(tenant.id(), debtor.contactId());
		request.getSession().setAttribute(key, name);
		return name;
	}

	/**
	 * Records a view the home page makes on every load ({@link CabinetActivity#viewed}, which also feeds the funnel),
	 * but only once per visit of this session: the debtor's activity keeps one line per visit anyway (a view repeated
	 * within {@link CabinetActivity#SAME_VISIT} is the same visit), and two writes on every page view were a sixth
	 * of the page's round trips. A session that lasts longer than a visit records the view again.
	 */
	private void viewedOncePerVisit(HttpServletRequest request, Tenant tenant, UUID visitor, SignedInDebtor debtor,
			FunnelStep step, UUID debt, boolean consented) {
		String key = VIEW_RECORDED + tenant.id().value() + "." + step.name() + (debt == null ? "" : "." + debt)
				+ (consented ? "" : ".anonymous");
		Instant now = clock.instant();
		if (request.getSession().getAttribute(key) instanceof RecordedView recorded && recorded.visitor().equals(visitor)
				&& recorded.debtor().equals(debtor.contactId())
				&& recorded.at().plus(CabinetActivity.SAME_VISIT).isAfter(now)) {
			return;
		}
		if (consented) {
			activity.viewed(tenant.id(), visitor, debtor.contactId(), step, debt);
		}
		else {
			funnel.reached(tenant.id(), visitor, step);
		}
		request.getSession().setAttribute(key, new RecordedView(visitor, debtor.contactId(), now));
	}

	/**
	 * Pays any amount from the minimum up to the balance, or, towards an accepted offer, at least what its next part
	 * still needs and at most what is left of the offer; the provider's page confirms it and comes back home.
	 */
	@PostMapping("/debts/{debt}/pay")
	String pay(@PathVariable UUID agency, @PathVariable UUID debt, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "BANK_CARD") PaymentMethod method, @RequestParam String key,
			SignedInDebtor debtor, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, debtor, debt);
		try {
			// Read as every amount a person types is read (MoneyText): as the page itself writes amounts too
			// («31 019,00 ₽», no-break spaces and the sign), which a debtor on a phone copies into the field.
			Money sum = MoneyText.parse(amount);
			if (sum == null) {
				throw new Rejected("money.invalid");
			}
			Optional<Offer> accepted = offers.find(tenant.id(), owed.id()).filter(o -> o.status() == Offer.Status.ACCEPTED);
			if (offers.owed(tenant.id(), owed).isZero()) {
				throw new Rejected("cabinet.debt-closed");
			}
			refuseIfDisputed(owed);
			if (accepted.isPresent()) {
				checkTowardsOffer(sum, accepted.get(), owed);
			}
			else if (sum.exceeds(owed.total())) {
				throw new Rejected("cabinet.amount-above-balance", owed.total());
			}
			// Never more than is owed now (read again under the payment's lock: a payment that went through or a
			// settlement signed meanwhile counts), with what is already being paid (another tab, a page left open).
			// Read again under the payment's lock: a dispute opened since the page was drawn refuses it too.
			Payment payment = payments.startWithin(() -> offers.owed(tenant.id(), refuseIfDisputed(debts.get(tenant.id(), owed.id()))),
					tenant.id(), new PayableRef(debt), sum, method, "/cabinet/" + agency + "/debts/" + debt + "/paid", key,
					details(tenant, debtor, owed));
			activity.paymentStarted(tenant.id(), visitors.of(request, response), debtor.contactId(), payment);
			request.getSession().setAttribute(PAYMENT_STARTED + debt, payment.id().value());
			return "redirect:" + payment.confirmationUrl();
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			// What he typed stays in the field, to correct rather than type again.
			redirect.addFlashAttribute("typedAmount", amount);
			return "redirect:/cabinet/" + agency + "/debts/" + debt;
		}
		catch (PaymentProviderUnavailable unavailable) {
			redirect.addFlashAttribute("problem", new Rejected("payment.provider-unavailable"));
			return "redirect:/cabinet/" + agency + "/debts/" + debt;
		}
	}

	/**
	 * Where the provider sends the payer back: the payment this session started on the debt, as Kredo knows it now.
	 * Declined or cancelled, his cabinet says so at that debt, with no money taken, and offers the same payment again;
	 * paid, it says so; still open, the cabinet offers to continue it. Then the debt's page, so a reload asks nothing again.
	 */
	@GetMapping("/debts/{debt}/paid")
	String paid(@PathVariable UUID agency, @PathVariable UUID debt, SignedInDebtor debtor,
			HttpServletRequest request, RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		Debt owed = ownDebts.get(tenant, debtor, debt);
		if (request.getSession().getAttribute(PAYMENT_STARTED + debt) instanceof UUID started) {
			Payment payment = payments.current(tenant.id(), new ru.kredo.payments.PaymentId(started));
			if (payment.payable().equals(new PayableRef(debt))) {
				switch (payment.status()) {
					case CANCELED -> redirect.addFlashAttribute("declined", new DeclinedPayment(debt.toString(),
							owed.contractNumber(), SettlementTerms.roubles(payment.amount()), payment.amount().roubles().toPlainString(),
							payment.method()));
					case SUCCEEDED -> redirect.addFlashAttribute("notice", "cabinet.payment-succeeded");
					default -> {
					}
				}
			}
			if (payment.status().isFinal()) {
				request.getSession().removeAttribute(PAYMENT_STARTED + debt);
			}
		}
		return "redirect:/cabinet/" + agency + "/debts/" + debt;
	}

	/**
	 * «Оплатить всё»: one payment over every debt he can pay now (not repaid, not disputed), each debt's part what its
	 * headline asks now (the balance, or what its signed settlement asks now), read again here, never the page's figure.
	 * Under each debt's lock the part is cut to what the debt can still take beside the payments already under way on
	 * it ({@link Payments#startTogether}); a debt with nothing left gets no part, and with nothing left at all he is
	 * told why. The provider's page confirms it and comes back to {@code /paid-all}.
	 */
	@PostMapping("/pay-all")
	String payAll(@PathVariable UUID agency, @RequestParam(defaultValue = "BANK_CARD") PaymentMethod method,
			@RequestParam String key, SignedInDebtor debtor, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		try {
			DebtorsDebts his = debts.ofDebtor(tenant.id(), debtor.contactId());
			List<Payments.Share> shares = new java.util.ArrayList<>();
			List<String> contracts = new java.util.ArrayList<>();
			for (Debt debt : his.debts()) {
				if (!OwedTotal.payableNow(debt)) {
					continue;
				}
				Money now = DebtCard.Owed.of(debt, his.offers().get(debt.id()), time).amount();
				if (now.isZero()) {
					continue;
				}
				DebtId id = debt.id();
				shares.add(new Payments.Share(new PayableRef(id.value()), now, () -> payableAtMost(tenant, id),
						PaymentDetails.repayingDebt(debt.contractNumber(), debt.contractDate())));
				contracts.add(debt.contractNumber());
			}
			if (shares.isEmpty()) {
				throw new Rejected("payment.nothing-to-pay");
			}
			Payment payment = payments.startTogether(tenant.id(), shares, method, "/cabinet/" + agency + "/paid-all", key,
					details(tenant, debtor, PaymentDetails.towardsDebts(contracts, agencyName(tenant))));
			activity.paymentStarted(tenant.id(), visitors.of(request, response), debtor.contactId(), payment);
			request.getSession().setAttribute(PAYMENT_STARTED + ALL, payment.id().value());
			return "redirect:" + payment.confirmationUrl();
		}
		catch (Rejected rejected) {
			redirect.addFlashAttribute("problem", rejected);
			return "redirect:/cabinet/" + agency + "/home";
		}
		catch (PaymentProviderUnavailable unavailable) {
			redirect.addFlashAttribute("problem", new Rejected("payment.provider-unavailable"));
			return "redirect:/cabinet/" + agency + "/home";
		}
	}

	/**
	 * What a debt may take at most now, read under its payment lock: nothing once it is repaid or while he disputes it
	 * (it left the total since the page was drawn), else what it owes under its state (a settlement's rest).
	 */
	private Money payableAtMost(Tenant tenant, DebtId id) {
		Debt now = debts.get(tenant.id(), id);
		return OwedTotal.payableNow(now) ? offers.owed(tenant.id(), now) : Money.ZERO;
	}

	/**
	 * Where the provider sends the payer back from «Оплатить всё»: as {@link #paid}, for the combined payment this
	 * session started — declined or cancelled, the same message and retry as a single payment's; paid, thanks.
	 */
	@GetMapping("/paid-all")
	String paidAll(@PathVariable UUID agency, SignedInDebtor debtor, HttpServletRequest request,
			RedirectAttributes redirect) {
		Tenant tenant = agencies.get(agency);
		if (request.getSession().getAttribute(PAYMENT_STARTED + ALL) instanceof UUID started) {
			Payment payment = payments.current(tenant.id(), new ru.kredo.payments.PaymentId(started));
			if (payment.isCombined()) {
				switch (payment.status()) {
					case CANCELED -> redirect.addFlashAttribute("declined", new DeclinedPayment(null, null,
							SettlementTerms.roubles(payment.amount()), payment.amount().roubles().toPlainString(),
							payment.method()));
					case SUCCEEDED -> redirect.addFlashAttribute("notice", "cabinet.payment-succeeded");
					default -> {
					}
				}
			}
			if (payment.status().isFinal()) {
				request.getSession().removeAttribute(PAYMENT_STARTED + ALL);
			}
		}
		return "redirect:/cabinet/" + agency + "/home";
	}

	/**
	 * A payment the provider declined or the payer cancelled: its debt and contract, amount (shown, and as the pay form
	 * takes it) and method; debt and contract {@code null} for «Оплатить всё», which is tried again as a whole.
	 */
	record DeclinedPayment(String debt, String contractNumber, String amount, String typedAmount, PaymentMethod method)
			implements java.io.Serializable {
	}

	/**
	 * What the payment says at the provider and on its receipt: the contract and the agency (its legal name when its
	 * requisites are filled in), and the debtor's phone for the receipt, or his e-mail when he has no phone on file.
	 */
	private PaymentDetails details(Tenant tenant, SignedInDebtor debtor, Debt debt) {
		return details(tenant, debtor,
				PaymentDetails.towardsDebt(debt.contractNumber(), debt.contractDate(), agencyName(tenant)));
	}

	private PaymentDetails details(Tenant tenant, SignedInDebtor debtor, String description) {
		Contact contact = contacts.get(tenant.id(), debtor.contactId());
		return new PaymentDetails(description, contact.phone() == null ? null : contact.phone().e164(), contact.email());
	}

	private String agencyName(Tenant tenant) {
		return requisites.of(tenant.id()).map(Agency::fullName).orElse(tenant.name());
	}

	/**
	 * A disputed debt is not paid from the cabinet until the agency answers the dispute (its page shows no pay form):
	 * a payment started anyway (a page left open, a form posted by hand) is refused with the reason.
	 */
	private static Debt refuseIfDisputed(Debt debt) {
		if (debt.status() == DebtStatus.DISPUTED) {
			throw new Rejected("cabinet.debt-disputed");
		}
		return debt;
	}

	private static void checkTowardsOffer(Money sum, Offer offer, Debt debt) {
		Money left = offer.leftToPay().min(debt.total());
		if (sum.exceeds(left)) {
			throw new Rejected("cabinet.amount-above-offer", left);
		}
		if (offer.dueNext().exceeds(sum)) {
			throw new Rejected("cabinet.amount-below-part", offer.dueNext());
		}
	}

	@PostMapping("/sign-out")
	String signOut(@PathVariable UUID agency, HttpServletRequest request) {
		SignedInDebtors.signOut(request);
		return "redirect:/cabinet/" + agency;
	}

	/** ФИО typed in one field, in the Russian order: фамилия, имя, then the rest as отчество. */
	static FullName name(String typed) {
		String[] parts = typed.strip().split("\\s+");
		if (parts.length < 2) {
			throw new Rejected("cabinet.full-name-required");
		}
		return new FullName(parts[0], parts[1], parts.length > 2 ? String.join(" ", Arrays.copyOfRange(parts, 2, parts.length)) : null);
	}

	/** A view recorded in this session: by whom, of whose debts, when. */
	record RecordedView(UUID visitor, ContactId debtor, Instant at) implements java.io.Serializable {
	}

	/**
	 * A sign-in this session started and has not finished: its challenge, when another code may be asked for, and the
	 * ФИО and phone as typed (to send that code to), kept on the server only, never in a page or an address.
	 */
	record PendingSignIn(UUID tenant, UUID challenge, Instant expiresAt, String demoCode, Instant resendAt,
			String fullName, String phone) implements java.io.Serializable {

		static PendingSignIn of(Tenant tenant, CabinetSignIn.Challenge challenge, FullName name, PhoneNumber phone) {
			return new PendingSignIn(tenant.id().value(), challenge.id(), challenge.expiresAt(), challenge.demoCode(),
					challenge.resendAt(), name.display(), phone.e164());
		}

		boolean sameGuest(FullName name, PhoneNumber number) {
			return phone.equals(number.e164()) && name(fullName).normalized().equals(name.normalized());
		}

		PendingSignIn resendAfter(Instant at) {
			return new PendingSignIn(tenant, challenge, expiresAt, demoCode, at.isAfter(resendAt) ? at : resendAt,
					fullName, phone);
		}

		@Override
		public String toString() {
			return "PendingSignIn[" + challenge + "]";
		}
	}
}
