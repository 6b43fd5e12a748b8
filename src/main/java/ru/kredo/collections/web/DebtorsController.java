package ru.kredo.collections.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.audit.AuditActor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.BureauPhones;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.DebtState;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.SettlementAgreements;
import ru.kredo.collections.internal.DebtorPhones;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PersonSearch;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.ShownIdentifiers;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.Payments;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.privacy.IdentifierAccess;

/**
 * The agency's debts and a debtor's card: who he is, what he owes by component, each debt's discount offer with the
 * rule that made it and its schedule (and, once he signed it, the copy of the agreement to download:
 * {@code /debtors/debts/{id}/agreement.pdf}), and every payment he started with its outcome. His cabinet activity is the
 * cabinet module's to show; the card loads it from there.
 */
@Controller
@RequestMapping("/debtors")
class DebtorsController {

	static final int PAGE_SIZE = 100;

	private final Debts debts;
	private final Offers offers;
	private final Payments payments;
	private final DebtorPhones phones;
	private final Contacts contacts;
	private final AuditLog audit;
	private final IdentifierAccess access;
	private final SettlementAgreements agreements;
	private final AgencyRequisites requisites;
	private final ru.kredo.collections.DebtorMarks marks;
	private final BureauPhones bureauPhones;

	DebtorsController(Debts debts, Offers offers, Payments payments, DebtorPhones phones, Contacts contacts,
			AuditLog audit, IdentifierAccess access, SettlementAgreements agreements, AgencyRequisites requisites,
			ru.kredo.collections.DebtorMarks marks, BureauPhones bureauPhones) {
		this.bureauPhones = bureauPhones;
		this.marks = marks;
		this.agreements = agreements;
		this.requisites = requisites;
		this.debts = debts;
		this.offers = offers;
		this.payments = payments;
		this.phones = phones;
		this.contacts = contacts;
		this.audit = audit;
		this.access = access;
	}

	/**
	 * The agency's debts, a page at a time, with how many there are: found by ФИО, phone, passport or contract
	 * number; all of them (open ones first), or only the open or the closed ones ({@code state=OPEN}, {@code CLOSED}).
	 */
	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "ALL") String state, @RequestParam(defaultValue = "0") int page, Model model) {
		DebtState shown = switch (state) {
			case "OPEN" -> DebtState.OPEN;
			case "CLOSED" -> DebtState.CLOSED;
			default -> null;
		};
		PersonSearch search = contacts.searchFor(q);
		Paging paging = Paging.page(page, PAGE_SIZE);
		model.addAttribute("q", search.text());
		model.addAttribute("state", shown == null ? "ALL" : shown.name());
		List<ru.kredo.collections.DebtLine> found = debts.find(me.tenantId(), search, shown, paging.offset(), paging.limit());
		model.addAttribute("lines", ListPage.of(found, debts.count(me.tenantId(), search, shown), paging));
		// A debtor in bankruptcy (a bureau's event or an operator's mark): each of his debts says so
		model.addAttribute("bankrupt", marks.bankruptSince(me.tenantId(),
				found.stream().map(line -> line.debt().contactId()).toList()));
		return "collections/debtors";
	}

	/** The card shows the debtor's identifiers: a view of personal data, so it is audited. */
	@GetMapping("/{id}")
	String card(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		List<Debt> owed = debts.ofContact(me.tenantId(), debtor.id());
		ShownIdentifiers shown = ShownIdentifiers.of(debtor, access.full());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.id(), "debtor-card;" + shown.auditDetail());
		model.addAttribute("debtor", debtor);
		model.addAttribute("ids", shown);
		// The numbers registries gave and those contact files gave (a CRM's work and home phones), each once; then the
		// numbers bureaus gave (issue 14), each saying whether he has confirmed it by signing in with it.
		List<DebtorPhones.Listed> listed = phones.listed(me.tenantId(), debtor.id());
		model.addAttribute("otherPhones", java.util.stream.Stream.concat(contacts.phones(me.tenantId(), debtor.id()).stream(),
				listed.stream().filter(p -> !p.fromBureau()).map(DebtorPhones.Listed::phone))
			.distinct().filter(phone -> !phone.equals(debtor.phone())).toList());
		model.addAttribute("bureauPhones", listed.stream().filter(DebtorPhones.Listed::fromBureau).toList());
		// A bureau's phone may be made his own (issue 14): the form offers those that are not, confirmed or not, and
		// refuses an unconfirmed one with why.
		model.addAttribute("ownable", listed.stream().filter(DebtorPhones.Listed::fromBureau)
			.filter(p -> !p.phone().equals(debtor.phone())).toList());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("debts", owed);
		// Each debt's id in its registry (issue 15), shown beside its contract.
		model.addAttribute("debtExternalIds", debts.externalIds(me.tenantId(), owed.stream().map(Debt::id).toList()));
		// A debtor in bankruptcy (a bureau's event or an operator's mark): each of his debts says so, with since when
		model.addAttribute("bankruptSince", marks.bankruptSince(me.tenantId(), List.of(debtor.id())).get(debtor.id()));
		List<DebtId> ids = owed.stream().map(Debt::id).toList();
		// An offer a discounted plan took is the plan's (its page, /plans/{id}, shows the discount): no card of its own.
		java.util.Map<DebtId, ru.kredo.collections.Offer> shownOffers = new java.util.HashMap<>(offers.find(me.tenantId(), ids));
		shownOffers.keySet().removeAll(offers.takenByPlans(me.tenantId(), ids));
		model.addAttribute("offers", shownOffers);
		// An operator's offer from the conversation names him where a rule's offer names its rule.
		model.addAttribute("fromConversation", offers.fromConversation(me.tenantId(), ids));
		// A signed settlement's copy prints the agency's requisites: without them there is none to download yet.
		model.addAttribute("printable", requisites.of(me.tenantId()).isPresent());
		Map<DebtId, List<ru.kredo.payments.Payment>> paymentsOf = owed.stream()
			.collect(Collectors.toMap(Debt::id, d -> payments.ofPayable(me.tenantId(), new PayableRef(d.id().value()))));
		model.addAttribute("payments", paymentsOf);
		// A refund the agency made in the provider's cabinet, as the provider reports it: shown at its payment.
		model.addAttribute("refunded", payments.refunded(me.tenantId(), paymentsOf.values().stream()
			.flatMap(List::stream).map(ru.kredo.payments.Payment::id).distinct().toList()));
		// By debt, then payment: a combined payment («Оплатить всё») has a split on each of its debts.
		model.addAttribute("splits", debts.payments(me.tenantId(), ids).entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stream()
				.collect(Collectors.toMap(p -> new PaymentId(p.paymentId()), DebtPayment::split)))));
		return "collections/debtor";
	}

	/**
	 * «Сделать основным»: an operator makes a bureau's phone the debtor confirmed his own ({@link BureauPhones#makeOwn},
	 * audited), so the agency's texts and calls go to it; a number not from the bureau, or not confirmed, comes back
	 * (422) on his card with why next to the field.
	 */
	@PostMapping("/{id}/phones/own")
	String makeOwn(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String phone, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Contact debtor = contacts.get(me.tenantId(), new ContactId(id));
		InvalidFields.Collector fields = new InvalidFields.Collector();
		PhoneNumber chosen = fields.read("phone", () -> PhoneNumber.parse(phone));
		try {
			fields.throwIfAny();
			boolean changed = bureauPhones.makeOwn(me.tenantId(), debtor.id(), chosen, AuditActor.of(me), "page");
			redirect.addFlashAttribute("notice", changed ? "debtors.phone-made-own" : "debtors.phone-already-own");
			return "redirect:/debtors/" + id;
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
		}
		catch (Rejected refused) {
			model.addAttribute("errors", Map.of("phone", refused));
		}
		model.addAttribute("typedPhone", phone);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return card(me, id, model);
	}

	/**
	 * The copy of the settlement agreement the debtor signed on this debt, the same PDF his cabinet gives him
	 * ({@link SettlementAgreements}); it carries his ФИО and the agreement's text, so each download is audited as a
	 * view of his personal data. Another agency's debt, or one with no signed settlement, is a 404.
	 */
	@GetMapping("/debts/{id}/agreement.pdf")
	ResponseEntity<byte[]> agreement(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		Debt debt = debts.get(me.tenantId(), new DebtId(id));
		byte[] pdf = agreements.pdf(me.tenantId(), debt.id());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debt.contactId(), "settlement-agreement;" + id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(SettlementAgreements.fileName(debt), StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf);
	}
}
