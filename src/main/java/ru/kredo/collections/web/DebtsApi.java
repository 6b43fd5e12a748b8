package ru.kredo.collections.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.ClosedAs;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponent;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.DebtPayment;
import ru.kredo.collections.DebtState;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.money.Money;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.payments.Payments;
import ru.kredo.payments.ReceivedPayment;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * A collection agency's debts for its own software (issue 15, «The API, both halves»; collection agencies only,
 * {@code docs/debts.md}, «The API»): find them with the «Должники» page's search, read one with its balance by
 * component, its offer and its payments, and record a payment the agency received outside Kredo, which is applied
 * like any other ({@link Payments#recordReceived}; {@code docs/payments.md}, «Payments received outside Kredo»).
 */
@RestController
@Tag(name = "Debts", description = "Collection agencies: debts and debtors — search, read, payments received outside Kredo")
class DebtsApi {

	static final int MAX_LIMIT = 200;

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");
	private static final String PROBLEM = "application/problem+json";
	private static final String DEBT_EXAMPLE = """
			{"id":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","externalId":"R-100245","originalCreditor":"ПАО «Банк»","contractNumber":"КД-77/2021",
			"contractDate":"2021-03-15","assignmentDate":"2025-06-01","status":"OPEN","closedOn":null,"closedAs":null,
			"daysPastDue":640,"balance":{"STATE_DUTY":"0.00","FEES":"0.00","INTEREST":"12400.00",
			"PRINCIPAL":"30000.00","PENALTIES":"2600.00"},"total":"45000.00","originalTotal":"50000.00",
			"paid":"5000.00","paidBeforeImport":"0.00","forgiven":"0.00","addedAt":"2026-11-02T09:15:00Z"}""";
	private static final String LIST_EXAMPLE = "{\"items\":[" + DEBT_EXAMPLE + "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}";
	private static final String ONE_EXAMPLE = """
			{"id":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","externalId":"R-100245","originalCreditor":"ПАО «Банк»","contractNumber":"КД-77/2021",
			"contractDate":"2021-03-15","assignmentDate":"2025-06-01","status":"OPEN","closedOn":null,"closedAs":null,
			"daysPastDue":640,"balance":{"STATE_DUTY":"0.00","FEES":"0.00","INTEREST":"12400.00",
			"PRINCIPAL":"30000.00","PENALTIES":"2600.00"},"total":"45000.00","originalTotal":"50000.00",
			"paid":"5000.00","paidBeforeImport":"0.00","forgiven":"0.00","offer":{"status":"OFFERED","ruleName":"Скидка 30%","discountPercent":30,"fullAmount":"45000.00",
			"offerAmount":"31500.00","validUntil":"2026-12-31","paidSinceAccepted":"0.00","acceptedAt":null,
			"schedule":[]},
			"payments":[{"id":"0b7e2c4d-1f3a-4b5c-9d8e-7f6a5b4c3d2e","amount":"5000.00","method":"OUTSIDE",
			"status":"SUCCEEDED","createdAt":"2026-12-06T10:00:00Z","settledAt":"2026-12-05T21:00:00Z",
			"receivedOn":"2026-12-06","reference":"п/п 4417","applied":{"STATE_DUTY":"0.00","FEES":"0.00",
			"INTEREST":"5000.00","PRINCIPAL":"0.00","PENALTIES":"0.00"},"overpaid":"0.00"}]}""";
	private static final String RECEIVED_BODY = """
			{"amount":"5000.00","receivedOn":"2026-12-06","reference":"п/п 4417"}""";
	private static final String RECEIVED_EXAMPLE = """
			{"id":"0b7e2c4d-1f3a-4b5c-9d8e-7f6a5b4c3d2e","amount":"5000.00","method":"OUTSIDE","status":"SUCCEEDED",
			"createdAt":"2026-12-06T10:00:00Z","settledAt":"2026-12-06T10:00:00Z","receivedOn":"2026-12-06",
			"reference":"п/п 4417","applied":{"STATE_DUTY":"0.00","FEES":"0.00","INTEREST":"5000.00",
			"PRINCIPAL":"0.00","PENALTIES":"0.00"},"overpaid":"0.00"}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",
			"errors":[{"field":"amount","code":"payment.amount-invalid",
			"message":"Укажите сумму больше нуля, в рублях с копейками через точку: 1500.00."}]}""";
	private static final String CLOSED_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Долг закрыт: платёж по нему не записать.","code":"payment.debt-closed"}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Долг не найден.","code":"debt.not-found"}""";

	private final Debts debts;
	private final Offers offers;
	private final Payments payments;
	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;

	DebtsApi(Debts debts, Offers offers, Payments payments, Contacts contacts, CurrentTenant current, AuditLog audit) {
		this.debts = debts;
		this.offers = offers;
		this.payments = payments;
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping("/api/v1/debts")
	@Operation(summary = "The agency's debts, found as on the «Должники» page, in the order they were added", description = """
			`q` finds by the debtor's ФИО, phone (also the numbers a registry gave), passport, or a part of the \
			contract number — the «Должники» page's search; `state` OPEN or CLOSED, or absent for all. In the order \
			the debts were added (then by id), which payments do not change: pass `nextCursor` back as `cursor` for \
			the next page (`null`: the last one); `limit` up to 200 (100 by default); `total` is how many match. Not \
			audited, as the list page is not.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "found", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "An unknown `state` (request.parameter-invalid), a cursor Kredo "
			+ "did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<DebtLine> list(@RequestParam(required = false) String q, @RequestParam(required = false) DebtState state,
			@Parameter(description = "The debt's id in the registry or the agency's system, exactly (issue 15)")
			@RequestParam(required = false) String externalId,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
		int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
		var search = contacts.searchFor(q == null ? "" : q);
		String byId = externalId == null || externalId.isBlank() ? null : externalId.strip();
		List<Debts.ListedDebt> rows = debts.findAfter(current.id(), search, state, byId, Cursor.decode(cursor),
				bounded + 1);
		boolean more = rows.size() > bounded;
		List<Debts.ListedDebt> page = more ? rows.subList(0, bounded) : rows;
		String next = more ? new Cursor(page.getLast().addedAt(), page.getLast().debt().id().value()).encode() : null;
		Map<DebtId, String> externalIds = debts.externalIds(current.id(),
				page.stream().map(row -> row.debt().id()).toList());
		return ApiList.of(page.stream()
			.map(row -> DebtLine.of(row.debt(), row.debtor(), externalIds.get(row.debt().id()), row.addedAt()))
			.toList(), debts.count(current.id(), search, state, byId), next);
	}

	@GetMapping("/api/v1/debts/by-external-id/{externalId}")
	@Operation(summary = "The debt of this external id (its registry's «ID»); 404 if the agency has none",
			description = "The same debt as `GET /api/v1/debts/{id}` answers, found by the id the registry or the "
					+ "agency's own system gave it (unique per agency). Audited as that read is.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "with an offer", value = ONE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No debt of the agency has this id (debt.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	DebtResource byExternalId(@PathVariable String externalId) {
		return one(debts.byExternalId(current.id(), externalId).id().value());
	}

	@GetMapping("/api/v1/debtors/{contactId}/debts")
	@Operation(summary = "One debtor's debts, by contract date; 404 if not this agency's debtor",
			description = "The same lines as the list's, all of them in one page (`nextCursor` always `null`). Not audited, as the list is not; read one debt for its offer "
					+ "and payments.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "his debts", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's debtor (contact.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<DebtLine> ofDebtor(@PathVariable UUID contactId) {
		Contact debtor = contacts.get(current.id(), new ContactId(contactId));
		// A debtor's debts are a handful: all of them, one page (docs/api-lists.md).
		List<Debt> his = debts.ofContact(current.id(), debtor.id());
		Map<DebtId, String> externalIds = debts.externalIds(current.id(), his.stream().map(Debt::id).toList());
		return ApiList.whole(his.stream()
			.map(debt -> DebtLine.of(debt, debtor.name().display(), externalIds.get(debt.id()), null))
			.toList());
	}

	@GetMapping("/api/v1/debts/{id}")
	@Operation(summary = "One debt: balance by component, paid, forgiven, status, its offer, its payments; 404 if not "
			+ "this agency's", description = """
			`offer` is the debt's discount offer as the debtor's cabinet shows it (`null` when none is shown: none \
			made, or withheld while the debt is disputed or under a restructuring plan); `payments` are every payment \
			towards it, newest first — through the cabinet (BANK_CARD, SBP) and received outside Kredo (OUTSIDE, with \
			`receivedOn` and `reference`) — with what each paid of every component (`applied`, once it succeeded) and \
			what it brought beyond what was owed (`overpaid`, to refund). Audited as a view of the debtor's personal \
			data, as his card is.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "with an offer", value = ONE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (debt.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	DebtResource one(@PathVariable UUID id) {
		Debt debt = debts.get(current.id(), new DebtId(id));
		Contact debtor = contacts.get(current.id(), debt.contactId());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debt.contactId().value(), "api;debt;" + id);
		return resource(debt, debtor.name().display());
	}

	@PostMapping("/api/v1/debts/{id}/payments")
	@Operation(summary = "Record a payment the agency received outside Kredo; it is applied like any other payment",
			description = """
			A bank transfer to the agency's account or cash at its office: `amount` in roubles as a string \
			(`"5000.00"`, above zero), `receivedOn` the day the agency received it (not in the future), `reference` \
			the bank's document number or the cash receipt's (up to 100 characters). The `Idempotency-Key` header \
			(up to 64 characters) is required: the same call again answers with the payment it recorded, never a \
			second one, even after that payment closed the debt; the same key with another amount, day, reference or \
			debt is refused (`payment.idempotence-key-reused`). The same reference on the same debt and day under \
			another key is refused as a duplicate (`payment.reference-duplicate`). \
			The payment is applied as a payment through the cabinet is: split over the components in the agency's \
			allocation order, towards a settlement in force on the day received, closing the debt at zero (its \
			certificate of repayment issued); what exceeds what was owed is recorded as an overpayment to refund. It \
			appears on the debtor's card and in his cabinet, marked «получен вне Kredo». A closed debt takes none \
			(`payment.debt-closed`). Audited with the API key.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "recorded", value = RECEIVED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = """
			Wrong fields in `errors` (amount payment.amount-invalid, receivedOn payment.received-on-invalid, \
			payment.received-in-future or payment.received-before-assignment, reference payment.reference-required or payment.reference-too-long); no \
			`Idempotency-Key` (payment.idempotence-key-required); the key used for another payment \
			(payment.idempotence-key-reused); the reference already recorded on the debt that day \
			(payment.reference-duplicate); a closed debt (payment.debt-closed)""", content = @Content(
					mediaType = PROBLEM, examples = { @ExampleObject(name = "amount", value = INVALID_EXAMPLE),
							@ExampleObject(name = "closed", value = CLOSED_EXAMPLE) }))
	@ApiResponse(responseCode = "404", description = "Not this agency's (debt.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ResponseEntity<PaymentLine> receive(@PathVariable UUID id,
			@Parameter(description = "The caller's key for this payment, up to 64 characters") @RequestHeader(
					name = "Idempotency-Key", required = false) String key,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					examples = @ExampleObject(name = "bank transfer", value = RECEIVED_BODY))) @RequestBody(
							required = false) Received body) {
		DebtId debtId = new DebtId(id);
		Debt debt = debts.get(current.id(), debtId);
		InvalidFields.Collector fields = new InvalidFields.Collector();
		Money amount = fields.read("amount", () -> amount(body == null ? null : body.amount()));
		LocalDate receivedOn = fields.read("receivedOn", () -> day(body == null ? null : body.receivedOn()));
		// The agency received nothing on the debt before it was the agency's (what the debtor paid the creditor before is
		// the registry's «paid before»): such a day is a typing slip, and would leave the debt's statement of payments
		// impossible to issue (a payment before the claim's assignment).
		LocalDate since = debt.assignmentDate() == null ? debt.contractDate() : debt.assignmentDate();
		if (receivedOn != null && since != null && receivedOn.isBefore(since)) {
			fields.reject("receivedOn", new Rejected("payment.received-before-assignment",
					since.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
		}
		String reference = body == null || body.reference() == null ? "" : body.reference().strip();
		if (reference.isEmpty()) {
			fields.reject("reference", new Rejected("payment.reference-required"));
		}
		else if (reference.length() > Payments.MAX_REFERENCE) {
			fields.reject("reference", new Rejected("payment.reference-too-long", Payments.MAX_REFERENCE));
		}
		fields.throwIfAny();
		ReceivedPayment received;
		try {
			received = payments.recordReceived(current.id(), new PayableRef(id), amount, receivedOn, reference, key,
					() -> !debts.get(current.id(), debtId).isClosed());
		}
		catch (Rejected ex) {
			if (ex.code().equals("payment.received-in-future")) {
				throw new InvalidFields(Map.of("receivedOn", ex));
			}
			throw ex;
		}
		audit.recordAbout(debt.contactId().value(), AuditAction.PAYMENT_RECORDED, "debt", id,
				"outside;" + received.payment().id().value() + ";"
				+ received.payment().amount().roubles().toPlainString());
		DebtPayment applied = debts.payments(current.id(), debtId).stream()
			.filter(p -> p.paymentId().equals(received.payment().id().value()))
			.findFirst()
			.orElse(null);
		return ResponseEntity.created(URI.create("/api/v1/debts/" + id))
			.body(PaymentLine.of(received.payment(), received, applied));
	}

	private static Money amount(String typed) {
		if (typed == null || !AMOUNT.matcher(typed.strip()).matches() || typed.strip().startsWith("-")) {
			throw new Rejected("payment.amount-invalid");
		}
		Money read = Money.ofRoubles(new java.math.BigDecimal(typed.strip()));
		if (read.isZero()) {
			throw new Rejected("payment.amount-invalid");
		}
		return read;
	}

	private static LocalDate day(String typed) {
		try {
			return LocalDate.parse(typed == null ? "" : typed.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("payment.received-on-invalid");
		}
	}

	private DebtResource resource(Debt debt, String debtorName) {
		PayableRef payable = new PayableRef(debt.id().value());
		Map<UUID, DebtPayment> applied = debts.payments(current.id(), debt.id()).stream()
			.collect(Collectors.toMap(DebtPayment::paymentId, p -> p, (a, b) -> a));
		Map<UUID, ReceivedPayment> outside = payments.received(current.id(), payable).stream()
			.collect(Collectors.toMap(r -> r.payment().id().value(), r -> r));
		List<PaymentLine> lines = new ArrayList<>();
		for (Payment payment : payments.ofPayable(current.id(), payable)) {
			lines.add(PaymentLine.of(payment, outside.get(payment.id().value()), applied.get(payment.id().value())));
		}
		// The offer as the cabinet shows it: withheld while disputed or under a plan, none once taken by a plan.
		Offer offer = offers.find(current.id(), List.of(debt.id())).get(debt.id());
		boolean withheld = debt.status() == DebtStatus.DISPUTED || debt.status() == DebtStatus.UNDER_PLAN
				|| offers.takenByPlans(current.id(), List.of(debt.id())).contains(debt.id());
		return DebtResource.of(debt, debtorName, debts.externalId(current.id(), debt.id()),
				withheld ? null : OfferView.of(offer), lines);
	}

	private static String roubles(Money amount) {
		return amount == null ? null : amount.roubles().toPlainString();
	}

	private static Map<DebtComponent, String> components(DebtComponents components) {
		Map<DebtComponent, String> by = new EnumMap<>(DebtComponent.class);
		for (DebtComponent component : DebtComponent.values()) {
			by.put(component, roubles(components.of(component)));
		}
		return by;
	}

	/**
	 * A payment received outside Kredo.
	 *
	 * @param amount roubles as a string, {@code "5000.00"}
	 * @param receivedOn the day the agency received it, {@code 2026-12-06}
	 * @param reference the bank's document number or the cash receipt's
	 */
	record Received(String amount, String receivedOn, String reference) {
	}

	/**
	 * A debt as the list shows it.
	 *
	 * @param paid what the debtor paid on the claim, before the upload and since; not what was forgiven
	 * @param externalId the debt's id in its registry or the agency's own system («ID»), {@code null} when none
	 * @param addedAt when the debt was added (the list's order); {@code null} in a debtor's list
	 */
	record DebtLine(UUID id, UUID contactId, String debtorName, String externalId, String originalCreditor,
			String contractNumber, LocalDate contractDate, LocalDate assignmentDate, DebtStatus status, LocalDate closedOn,
			ClosedAs closedAs, Integer daysPastDue, Map<DebtComponent, String> balance, String total, String originalTotal,
			String paid, String paidBeforeImport, String forgiven, Instant addedAt) {

		static DebtLine of(Debt d, String debtorName, String externalId, Instant addedAt) {
			return new DebtLine(d.id().value(), d.contactId().value(), debtorName, externalId, d.originalCreditor(),
					d.contractNumber(), d.contractDate(), d.assignmentDate(), d.status(), d.closedOn(), d.closedAs(),
					d.daysPastDue(), components(d.balance()), roubles(d.total()), roubles(d.originalTotal()),
					roubles(d.repaid()), roubles(d.paidBeforeImport()), roubles(d.forgiven()), addedAt);
		}
	}

	record DebtResource(UUID id, UUID contactId, String debtorName, String externalId, String originalCreditor,
			String contractNumber, LocalDate contractDate, LocalDate assignmentDate, DebtStatus status, LocalDate closedOn,
			ClosedAs closedAs, Integer daysPastDue, Map<DebtComponent, String> balance, String total, String originalTotal,
			String paid, String paidBeforeImport, String forgiven, OfferView offer, List<PaymentLine> payments) {

		static DebtResource of(Debt d, String debtorName, String externalId, OfferView offer, List<PaymentLine> payments) {
			return new DebtResource(d.id().value(), d.contactId().value(), debtorName, externalId, d.originalCreditor(),
					d.contractNumber(), d.contractDate(), d.assignmentDate(), d.status(), d.closedOn(), d.closedAs(),
					d.daysPastDue(), components(d.balance()), roubles(d.total()), roubles(d.originalTotal()),
					roubles(d.repaid()), roubles(d.paidBeforeImport()), roubles(d.forgiven()), offer, payments);
		}
	}

	record OfferView(Offer.Status status, String ruleName, int discountPercent, String fullAmount, String offerAmount,
			LocalDate validUntil, String paidSinceAccepted, Instant acceptedAt, List<Part> schedule) {

		record Part(int number, LocalDate dueOn, String amount) {
		}

		static OfferView of(Offer o) {
			return o == null ? null : new OfferView(o.status(), o.ruleName(), o.discountPercent(), roubles(o.fullAmount()),
					roubles(o.offerAmount()), o.validUntil(), roubles(o.paidSinceAccepted()), o.acceptedAt(),
					o.schedule().stream().map(p -> new Part(p.number(), p.dueOn(), roubles(p.amount()))).toList());
		}
	}

	/**
	 * A payment towards the debt (a combined payment as its part of the debt).
	 *
	 * @param receivedOn, reference only for one received outside Kredo ({@code method} OUTSIDE)
	 * @param applied what it paid of each component, once applied; {@code null} before
	 * @param overpaid what it brought beyond what was owed, to refund; {@code null} before it applied
	 */
	record PaymentLine(UUID id, String amount, PaymentMethod method, PaymentStatus status, Instant createdAt,
			Instant settledAt, LocalDate receivedOn, String reference, Map<DebtComponent, String> applied,
			String overpaid) {

		static PaymentLine of(Payment p, ReceivedPayment outside, DebtPayment split) {
			return new PaymentLine(p.id().value(), roubles(p.amount()), p.method(), p.status(), p.createdAt(),
					p.settledAt(), outside == null ? null : outside.receivedOn(),
					outside == null ? null : outside.reference(), split == null ? null : components(split.split()),
					split == null ? null : roubles(split.amount().minus(split.split().total())));
		}
	}
}
