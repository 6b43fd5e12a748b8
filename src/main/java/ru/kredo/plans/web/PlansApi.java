package ru.kredo.plans.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanEnding;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.PlanTransition;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.CurrentTenant;

/**
 * Restructuring plans for an agency's own software (collection agencies only): list them by state, read one with its
 * instalments and their paid state, request one on behalf of a debtor (after a phone call), approve a request, propose
 * other terms, decline one with a reason the debtor sees. The same service as the pages ({@link Plans}), so the same
 * checks, audit (naming the API key) and events; refusals are RFC 9457 problems with the stable {@code plan.*} codes,
 * states named as in {@link PlanStatus}.
 */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Restructuring plans (реструктуризация): list, read, request on a debtor's behalf, "
		+ "approve, propose other terms, decline")
class PlansApi {

	private static final int MAX_LIMIT = 1000;
	private static final String PROBLEM = "application/problem+json";
	private static final String EXAMPLE = """
			{"id":"3d1f0c2a-5b6e-4f7a-8b9c-0d1e2f3a4b5c","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c","contractNumber":"КД-1234/2021","status":"REQUESTED",
			"reason":"LOST_INCOME","total":"60000.00","paid":"0.00","left":"60000.00","breaches":["months"],
			"requestedOn":"2026-12-07","requestedAt":"2026-12-07T07:15:00Z","signedAt":null,"behindSince":null,
			"pausedSince":null,"ending":null,"note":null,"discounted":false,"discountedFrom":null,
			"forgivenOnCompletion":"0.00","instalments":[{"number":1,"due":"2026-12-17",
			"amount":"1666.67","paid":"0.00","isPaid":false}],"transitions":[{"from":null,"to":"REQUESTED",
			"at":"2026-12-07T07:15:00Z","actor":"debtor:0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c","reason":"breaches:months"}]}""";
	private static final String NOT_FOUND = "Not this agency's (plan.not-found)";

	private final Plans plans;
	private final Debts debts;
	private final CurrentTenant current;
	private final AuditLog audit;

	PlansApi(Plans plans, Debts debts, CurrentTenant current, AuditLog audit) {
		this.plans = plans;
		this.debts = debts;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's plans, a window at a time",
			description = "`status`: one or more of REQUESTED, PROPOSED, AWAITING_SIGNATURE, ACTIVE, BEHIND, BROKEN, "
					+ "COMPLETED, DECLINED (repeat the parameter; none: all). Requests alone come the longest waiting "
					+ "first, otherwise the latest moved first. A page of at most `limit` (default 100, at most 1000): "
					+ "`items`, `total`, `nextCursor` — pass it back as `cursor`; `null` is the last page; a plan "
					+ "that comes or moves meanwhile shifts no other row (`offset` still works for the first page; "
					+ "docs/api-lists.md). Income, expenses and the history are not listed: read one plan.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "requested", value = "{\"items\":[" + EXAMPLE + "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}")))
	@ApiResponse(responseCode = "400", description = "An unknown state or a wrong window (request.parameter-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<PlanResource> list(@RequestParam(required = false) Set<PlanStatus> status,
			@io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		Set<PlanStatus> statuses = status == null || status.isEmpty() ? EnumSet.allOf(PlanStatus.class) : status;
		ApiList<Plan> window = plans.list(current.id(), statuses, Keyset.decode(cursor, Plans.order(statuses)),
				paging.offset(), paging.limit());
		List<Plan> page = window.items();
		// A window of up to 1,000 plans: their debts and request times in one statement each, not one per plan.
		Map<DebtId, Debt> owed = debts.get(current.id(), page.stream().map(Plan::debtId).toList());
		Map<UUID, Instant> requested = plans.requestedAt(current.id(), page.stream().map(Plan::id).toList());
		return window.map(plan -> resource(plan, false, owed.get(plan.debtId()), requested.get(plan.id())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One plan with its instalments (what is paid on each), the debtor's income and expenses as he "
			+ "gave them and every move of its state (audited as a view of personal data); 404 if not this agency's")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "requested", value = EXAMPLE)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource one(@PathVariable UUID id) {
		Plan plan = plans.get(current.id(), id);
		audit.recordAbout(plan.debtorId().value(), AuditAction.PERSONAL_DATA_VIEWED, "plan", id, "api");
		return resource(plan, true);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a plan on a debtor's behalf (after a phone call with him)",
			description = "The schedule of the debt's whole balance (or, with `withDiscount`, of its live offer's "
					+ "discounted sum, where the policy combines a plan with a discount: the rest is forgiven on "
					+ "completion, lost if the plan breaks) on `months` or a `monthly` sum from `first`: "
					+ "within the agency's policy it awaits his signature at once (AWAITING_SIGNATURE; he signs it in "
					+ "his cabinet with a texted code), outside it it is REQUESTED, as his own request would be. Amounts "
					+ "in roubles as strings (`\"5000.00\"`).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "by months", value = """
					{"debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","reason":"LOST_INCOME","income":"45000.00",
					"expenses":"30000.00","months":6,"first":"2026-12-17"}""")))
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "requested", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields (`errors`: months plan.months-invalid, monthly "
			+ "plan.monthly-invalid, first plan.first-past, reason plan.reason-required, income/expenses "
			+ "plan.amount-invalid), or the debt's refusal: plan.already-open, debt.closed, debt.disputed, "
			+ "debt.under-settlement, debt.already-under-plan, plan.nothing-owed, plan.discount-not-allowed (the "
			+ "policy does not combine a plan with a discount), plan.no-discount-offer (no live offer on the debt)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "already open", value = """
							{"type":"about:blank","title":"Bad Request","status":400,"code":"plan.already-open",
							"detail":"По этому долгу уже есть план."}""")))
	@ApiResponse(responseCode = "404", description = "The debt is not this agency's (debt.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource request(@RequestBody(required = false) PlanRequestBody body) {
		PlanRequestBody asked = body == null ? new PlanRequestBody(null, null, null, null, null, null, null, null) : body;
		InvalidFields.Collector fields = new InvalidFields.Collector();
		if (asked.debtId() == null) {
			fields.reject("debtId", new Rejected("plan.debt-required"));
		}
		if (asked.reason() == null) {
			fields.reject("reason", new Rejected("plan.reason-required"));
		}
		Money income = fields.read("income", () -> amount(asked.income()));
		Money expenses = fields.read("expenses", () -> amount(asked.expenses()));
		Terms terms = fields.read(asked.monthly() != null ? "monthly" : "months",
				() -> terms(asked.months(), asked.monthly()));
		LocalDate first = fields.read("first", () -> first(asked.first()));
		fields.throwIfAny();
		Debt debt = debts.get(current.id(), new DebtId(asked.debtId()));
		Plan plan = plans.request(current.id(), debt.contactId(), debt.id(), asked.reason(), income, expenses, terms,
				first, Boolean.TRUE.equals(asked.withDiscount()), AuditActor.of(current.actor()));
		return resource(plan, true);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a request as it is: the debtor signs it next (AWAITING_SIGNATURE)")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "approved", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not a request waiting for the agency (plan.not-requested)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource approve(@PathVariable UUID id) {
		return resource(plans.approve(current.id(), id, AuditActor.of(current.actor())), true);
	}

	@PostMapping("/{id}/proposal")
	@Operation(summary = "Propose other terms for a request: the debtor accepts or declines them (PROPOSED)",
			description = "`months` or a `monthly` sum, and `first`, on what the debt owes now; the agency may go "
					+ "outside its own policy.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "12 months", value = """
					{"months":12,"first":"2026-12-20"}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "proposed", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong terms (`errors`: months plan.months-invalid, monthly "
			+ "plan.monthly-invalid, first plan.first-past) or not a request (plan.not-requested)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource propose(@PathVariable UUID id, @RequestBody(required = false) ProposalBody body) {
		plans.get(current.id(), id);
		ProposalBody asked = body == null ? new ProposalBody(null, null, null) : body;
		InvalidFields.Collector fields = new InvalidFields.Collector();
		Terms terms = fields.read(asked.monthly() != null ? "monthly" : "months",
				() -> terms(asked.months(), asked.monthly()));
		LocalDate first = fields.read("first", () -> first(asked.first()));
		fields.throwIfAny();
		return resource(plans.propose(current.id(), id, terms, first, AuditActor.of(current.actor())), true);
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline a request with a reason the debtor sees (DECLINED)",
			description = "JSON `{\"reason\": \"…\"}`, required, at most 2000 characters.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "decline", value = """
					{"reason":"Срок больше двух лет мы не согласуем; позвоните нам, подберём платёж."}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "declined", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No reason or too long (plan.note-required, "
			+ "plan.note-too-long), or not a request (plan.not-requested)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource decline(@PathVariable UUID id, @RequestBody(required = false) DeclineBody body) {
		plans.get(current.id(), id);
		return resource(plans.decline(current.id(), id, body == null ? null : body.reason(),
				AuditActor.of(current.actor())), true);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause an active plan with a reason, as «Приостановить» on its page",
			description = "JSON `{\"reason\": \"…\"}`, required, at most 2000 characters; the instalments wait until "
					+ "it is resumed.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "pause", value = """
					{"reason":"Должник в больнице до конца месяца"}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "paused", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No reason or too long (plan.note-required, "
			+ "plan.note-too-long), or a plan that cannot be paused now (its code says why)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource pause(@PathVariable UUID id, @RequestBody(required = false) DeclineBody body) {
		plans.get(current.id(), id);
		return resource(plans.pause(current.id(), id, body == null ? null : body.reason(),
				AuditActor.of(current.actor())), true);
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused plan, as «Возобновить» on its page")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "resumed", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A plan that cannot be resumed now, e.g. while its debt is "
			+ "disputed (plan.paused-by-dispute)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource resume(@PathVariable UUID id) {
		plans.get(current.id(), id);
		return resource(plans.resume(current.id(), id, AuditActor.of(current.actor())), true);
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a plan with a reason the debtor sees, as «Завершить» on its page",
			description = "JSON `{\"reason\": \"…\"}`, required, at most 2000 characters.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "end", value = """
					{"reason":"Три платежа подряд пропущены"}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "ended", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No reason or too long (plan.note-required, "
			+ "plan.note-too-long), or a plan that cannot be ended now (its code says why)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PlanResource end(@PathVariable UUID id, @RequestBody(required = false) DeclineBody body) {
		plans.get(current.id(), id);
		return resource(plans.end(current.id(), id, body == null ? null : body.reason(),
				AuditActor.of(current.actor())), true);
	}

	private static Money amount(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		Money read = MoneyText.parse(typed);
		if (read == null) {
			throw new Rejected("plan.amount-invalid");
		}
		return read;
	}

	private static Terms terms(Integer months, String monthly) {
		if (monthly != null) {
			Money read = MoneyText.parse(monthly);
			if (read == null) {
				throw new Rejected("plan.monthly-invalid");
			}
			return new Terms.ByMonthly(read);
		}
		if (months == null) {
			throw new Rejected("plan.months-invalid", ru.kredo.plans.ScheduleCalculator.MAX_INSTALMENTS);
		}
		return new Terms.ByMonths(months);
	}

	private static LocalDate first(LocalDate first) {
		if (first == null) {
			throw new Rejected("plan.first-past");
		}
		return first;
	}

	private PlanResource resource(Plan plan, boolean full) {
		return resource(plan, full, debts.get(current.id(), plan.debtId()), plans.requestedAt(current.id(), plan.id()));
	}

	private PlanResource resource(Plan plan, boolean full, Debt debt, Instant requestedAt) {
		return new PlanResource(plan.id(), plan.debtId().value(), plan.debtorId().value(), debt.contractNumber(),
				plan.status(), plan.reason(), roubles(plan.total()), roubles(plan.paid()), roubles(plan.left()),
				full ? roubles(plan.income()) : null, full ? roubles(plan.expenses()) : null, plan.breaches(),
				plan.requestedOn(), requestedAt, plan.signedAt(), plan.behindSince(),
				plan.pausedSince(), plan.ending(), plan.note(), plan.isDiscounted(), roubles(plan.discountedFrom()),
				roubles(plan.forgiven()),
				plan.instalments().stream().map(i -> new InstalmentResource(i.number(), i.due(), roubles(i.amount()),
						roubles(i.paid()), i.isPaid())).toList(),
				full ? plans.transitions(current.id(), plan.id()) : null);
	}

	private static String roubles(Money amount) {
		return amount == null ? null : amount.roubles().toPlainString();
	}

	/**
	 * A plan as the API shows it. Amounts are roubles as strings, exact to the kopeck.
	 *
	 * @param breaches the codes of the policy's rules the request broke ({@code plan.breach.<code>})
	 * @param income the debtor's monthly income as he gave it; only when one plan is read, {@code null} if not given
	 * @param transitions every move of its state; only when one plan is read
	 * @param discounted whether it is a plan of a discounted sum (docs/plans.md, «A plan with a discount»): its
	 *     {@code total} is the discount's sum, {@code discountedFrom} the balance the discount was made on ({@code null}
	 *     otherwise)
	 * @param forgivenOnCompletion what its completion forgives (ст. 415 ГК РФ); {@code "0.00"} for a plan of the whole
	 *     balance. A discounted plan that breaks forgives nothing: the balance less what was paid is owed again
	 */
	record PlanResource(UUID id, UUID debtId, UUID debtorId, String contractNumber, PlanStatus status,
			PlanReason reason, String total, String paid, String left, String income, String expenses,
			List<String> breaches, LocalDate requestedOn, Instant requestedAt, Instant signedAt, LocalDate behindSince,
			LocalDate pausedSince, PlanEnding ending, String note, boolean discounted, String discountedFrom,
			String forgivenOnCompletion, List<InstalmentResource> instalments, List<PlanTransition> transitions) {
	}

	record InstalmentResource(int number, LocalDate due, String amount, String paid, boolean isPaid) {
	}

	record PlanRequestBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID debtId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlanReason reason,
			@Schema(description = "monthly income, roubles", example = "45000.00") String income,
			@Schema(description = "monthly expenses, roubles", example = "30000.00") String expenses,
			@Schema(description = "number of monthly instalments (or monthly)", example = "6") Integer months,
			@Schema(description = "the monthly sum, roubles (instead of months)", example = "5000.00") String monthly,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-17") LocalDate first,
			@Schema(description = "a plan of the discounted sum of the debt's live offer, where the policy combines a "
					+ "plan with a discount (refused otherwise: plan.discount-not-allowed, plan.no-discount-offer)",
					example = "false") Boolean withDiscount) {
	}

	record ProposalBody(@Schema(example = "12") Integer months,
			@Schema(description = "the monthly sum, roubles (instead of months)", example = "5000.00") String monthly,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-20") LocalDate first) {
	}

	record DeclineBody(@Schema(description = "why not; the debtor sees it", example = "Срок больше двух лет мы не согласуем")
			String reason) {
	}
}
