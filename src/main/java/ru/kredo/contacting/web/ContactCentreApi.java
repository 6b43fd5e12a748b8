package ru.kredo.contacting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.DebtId;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.Call;
import ru.kredo.contacting.CallNotAllowed;
import ru.kredo.contacting.Calls;
import ru.kredo.contacting.ContactBars;
import ru.kredo.contacting.ContactHistory;
import ru.kredo.contacting.ContactStandings;
import ru.kredo.contacting.Decision;
import ru.kredo.contacting.LoggedAttempt;
import ru.kredo.contacting.Promise;
import ru.kredo.contacting.Promises;
import ru.kredo.contacting.Standing;
import ru.kredo.contacting.ContactRules.Left;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Problems;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantClocks;

/**
 * The operator's side for contact-centre software (collection agencies only; docs/contact-rules.md, «Operator's
 * side»): a debtor's standing (may he be called now, when next, what is left), his contact log, a call asked of the
 * rules and its outcome, the operator's bars (bankruptcy, deceased, minor) marked and lifted, and the promises to pay
 * due. The same services as the card, so the same rules, lock and audit (naming the API key). A call the rules refuse
 * is a 409 {@code contact.call-not-allowed} with {@code reason} and {@code next}; another agency's debtor or call is a
 * 404.
 */
@RestController
@Tag(name = "Contact centre", description = "The debtor's contact standing (230-ФЗ), his contact log, operators' calls and "
		+ "their outcomes, operator's bars, promises to pay")
class ContactCentreApi {

	private static final int MAX_LIMIT = 1000;
	private static final String PROBLEM = "application/problem+json";
	private static final String JSON = "application/json";
	private static final String STANDING = """
			{"debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c","now":"2026-12-08T04:05:00Z","zone":"Asia/Vladivostok",
			"zoneKnown":true,"region":"Приморский край","localTime":"2026-12-08T14:05:00","agencyTime":"2026-12-08T07:05:00",
			"day":"WORKING","hours":{"from":"08:00","until":"22:00"},
			"call":{"allowed":true,"verdict":"SEND","reason":null,"next":"2026-12-08T04:05:00Z"},
			"message":{"allowed":true,"verdict":"SEND","reason":null,"next":"2026-12-08T04:05:00Z"},
			"callsLeft":{"day":1,"week":2,"month":8},"messagesLeft":{"day":2,"week":4,"month":16},"bars":[],
			"summary":"У должника 14:05 (Владивосток, UTC+10), рабочий день. Звонить можно до 22:00. Сообщения можно до 22:00.",
			"left":"Осталось: звонков 1 за сутки, 2 за неделю, 8 за месяц; сообщений 2 / 4 / 16."}""";
	private static final String CALL = """
			{"id":"5c2e9d1a-7b3f-4e8a-9c0d-1e2f3a4b5c6d","debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c",
			"debtId":null,"phone":"+79161234567","recipient":"DEBTOR","actor":"CRM","at":"2026-12-08T04:05:00Z","outcome":null,
			"outcomeAt":null,"note":null}""";
	private static final String REFUSED = """
			{"type":"about:blank","title":"Conflict","status":409,"code":"contact.call-not-allowed",
			"detail":"Звонить сейчас нельзя: исчерпан лимит на сутки. Можно будет с 08.12.2026 14:05 по времени должника (Владивосток, UTC+10).",
			"reason":"DAY_LIMIT","next":"2026-12-09T04:05:00Z"}""";
	private static final String NOT_FOUND = "Not this agency's debtor (contact.not-found)";

	private final ContactStandings standings;
	private final ContactHistory history;
	private final ContactBars bars;
	private final Calls calls;
	private final Promises promises;
	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final StandingWords words;
	private final Problems problems;
	private final TenantClocks clocks;

	ContactCentreApi(ContactStandings standings, ContactHistory history, ContactBars bars, Calls calls,
			Promises promises, Contacts contacts, CurrentTenant current, AuditLog audit, StandingWords words,
			Problems problems, TenantClocks clocks) {
		this.standings = standings;
		this.history = history;
		this.bars = bars;
		this.calls = calls;
		this.promises = promises;
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
		this.words = words;
		this.problems = problems;
		this.clocks = clocks;
	}

	record DecisionResource(boolean allowed, Decision.Verdict verdict, String reason, Instant next) {

		static DecisionResource of(Decision decision) {
			return new DecisionResource(decision.sends(), decision.verdict(),
					decision.reason() == null ? null : decision.reason().name(), decision.at());
		}
	}

	record LeftResource(int day, int week, int month) {

		static LeftResource of(Left left) {
			return new LeftResource(left.day(), left.week(), left.month());
		}
	}

	record HoursResource(String from, String until) {
	}

	record BarResource(BarKind kind, UUID debtId, Instant since, String source, String note, Instant liftedAt) {

		static BarResource of(ContactBars.StandingBar bar) {
			return new BarResource(bar.bar().kind(), bar.bar().debt() == null ? null : bar.bar().debt().value(),
					bar.bar().since(), bar.source(), bar.note(), bar.liftedAt());
		}
	}

	record StandingResource(UUID debtorId, Instant now, String zone, boolean zoneKnown, String region,
			String localTime, String agencyTime, String day, HoursResource hours, DecisionResource call,
			DecisionResource message, LeftResource callsLeft, LeftResource messagesLeft, List<BarResource> bars,
			String summary, String left) {
	}

	@GetMapping("/api/v1/debtors/{id}/contact-standing")
	@Operation(summary = "May the debtor be called (or texted) now, and if not when next; what is left of the limits",
			description = "Read on the agency's clock in the debtor's zone (`zoneKnown` false: his zone is unknown and "
					+ "the agency's is used). `call`/`message`: `verdict` SEND (allowed now), HOLD (`next` says when, "
					+ "`reason` why: HOURS, DAY_LIMIT, WEEK_LIMIT, MONTH_LIMIT) or REFUSE (a bar: BANKRUPTCY, REFUSAL, "
					+ "REPRESENTATIVE, DISPUTE, DECEASED, MINOR, INCAPACITY, HOSPITAL, DISABILITY_GROUP_1). Limits are rolling windows: any 24 hours, any 7 days, "
					+ "a month back. `summary` and `left` are the card's words in the caller's language.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "may call",
			value = STANDING)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	StandingResource standing(@PathVariable UUID id, HttpServletRequest request) {
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		Standing s = standings.of(current.id(), debtor);
		Locale locale = problems.locale(request);
		DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
		return new StandingResource(debtor.value(), s.now(), s.zone().getId(), s.zoneKnown(), s.region(),
				local.format(s.localTime().withNano(0).toLocalDateTime()),
				local.format(s.agencyTime().withNano(0).toLocalDateTime()), s.day().name(),
				new HoursResource(s.hours().from().toString(), s.hours().until().toString()),
				DecisionResource.of(s.call()), DecisionResource.of(s.message()), LeftResource.of(s.callsLeft()),
				LeftResource.of(s.messagesLeft()), s.bars().stream().map(BarResource::of).toList(),
				words.now(s, locale), words.left(s, locale));
	}

	record AttemptResource(UUID id, UUID debtId, String channel, String kind, String initiative, String state,
			String reason, boolean counted, String purpose, String address, String text, Instant dueAt, Instant sentAt,
			String outcome, String actor, Instant createdAt, String recipient) {
	}

	@GetMapping("/api/v1/debtors/{id}/contact-log")
	@Operation(summary = "The debtor's contact log, newest first: every message and call attempt, whatever came of it",
			description = "A page of at most `limit` (default 100, at most 1000): `items`, `total`, `nextCursor` — "
					+ "pass it back as `cursor`; `null` is the last page; an attempt logged meanwhile shifts no row (`offset` "
					+ "still works for the first page; docs/api-lists.md). "
					+ "Addresses and texts are "
					+ "opened for the key (audited as a view of personal data).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "a call",
			value = """
					{"items":[{"id":"5c2e9d1a-7b3f-4e8a-9c0d-1e2f3a4b5c6d","debtId":null,"channel":"CALL","kind":"CALL",
					"initiative":"COLLECTION","state":"SENT","reason":null,"counted":true,"purpose":"call",
					"address":"+79161234567","text":"Обещал оплатить в пятницу","dueAt":null,
					"sentAt":"2026-12-08T04:05:00Z","outcome":"PROMISED_TO_PAY","actor":"CRM",
					"createdAt":"2026-12-08T04:05:00Z","recipient":"DEBTOR"}],"total":1,"totalIsEstimate":false,"nextCursor":null}""")))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<AttemptResource> log(@PathVariable UUID id, @io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		ApiList<LoggedAttempt> page = history.page(current.id(), debtor, Keyset.decode(cursor, ContactHistory.ORDER),
				paging.offset(), paging.limit());
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor, "api;contact-log");
		return page.map(a -> new AttemptResource(a.id(), a.debt() == null ? null : a.debt().value(), a.channel().name(),
					a.channel().kind().name(), a.initiative().name(), a.state(),
					a.reason() == null ? null : a.reason().name(), a.counted(), a.purpose(), history.address(a),
					history.text(a), a.dueAt(), a.sentAt(), a.outcome() == null ? null : a.outcome().name(), a.actor(),
					a.createdAt(), a.recipient().name()));
	}

	record CallBody(UUID debtId) {
	}

	/** {@code recipient}: DEBTOR, or REPRESENTATIVE when the number is his representative's in force (ст. 8 230-ФЗ). */
	record CallResource(UUID id, UUID debtorId, UUID debtId, String phone, String recipient, String actor, Instant at,
			String outcome, Instant outcomeAt, String note) {

		static CallResource of(Call call) {
			return new CallResource(call.id(), call.debtor().value(), call.debt() == null ? null : call.debt().value(),
					call.phone() == null ? null : call.phone().e164(), call.recipient().name(), call.actor(), call.at(),
					call.outcome() == null ? null : call.outcome().name(), call.outcomeAt(), call.note());
		}
	}

	@PostMapping("/api/v1/debtors/{id}/calls")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask to call the debtor now: the number when the rules allow it (the call is logged as made)",
			description = "Every call made counts against the call limits (1 in 24 hours, 2 in 7 days, 8 in a month), "
					+ "answered or not. `debtId` (optional) names the debt the call is about: a dispute on it stops the "
					+ "call. Refused: 409 `contact.call-not-allowed` with `reason` and `next` (null while a bar stands "
					+ "or there is no number), the number not given. While the debtor's representative is in force "
					+ "(ст. 8 230-ФЗ) the number is the representative's and `recipient` is REPRESENTATIVE; the call "
					+ "counts against the debtor's limits and hours.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "about the debtor", value = "{}")))
	@ApiResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "allowed",
			value = CALL)))
	@ApiResponse(responseCode = "409", description = "The rules refuse it now (contact.call-not-allowed)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "day's limit", value = REFUSED)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND + ", or the debt is not his (debt.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	CallResource call(@PathVariable UUID id, @RequestBody(required = false) CallBody body) {
		DebtId about = body == null || body.debtId() == null ? null : new DebtId(body.debtId());
		return CallResource.of(calls.start(current.id(), new ContactId(id), about, AuditActor.of(current.actor())));
	}

	record OutcomeBody(String outcome, String amount, String date, UUID debtId, String note) {
	}

	@PostMapping("/api/v1/calls/{id}/outcome")
	@Operation(summary = "Record what came of a call, once",
			description = "`outcome`: NO_ANSWER, PROMISED_TO_PAY, REFUSED_TO_PAY, WRONG_NUMBER or OTHER (`note` "
					+ "required). A promise gives `amount` (roubles as a string, `\"5000.00\"`, at most what the debt "
					+ "owes), `date` (the agency's day, today to 180 days ahead) and `debtId` (may be left out when he "
					+ "owes on one debt): it shows in the inbox's «Обещания оплатить» on that date.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "promise", value = """
					{"outcome":"PROMISED_TO_PAY","amount":"5000.00","date":"2026-12-12","note":"Зарплата в пятницу"}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "recorded",
			value = CALL)))
	@ApiResponse(responseCode = "400", description = "Wrong fields (`errors`: outcome contact.call-outcome-required, "
			+ "amount contact.promise-amount-invalid or contact.promise-amount-above-owed, date "
			+ "contact.promise-date-invalid, debtId contact.promise-debt-required, note contact.call-note-required or "
			+ "contact.call-note-too-long), or an outcome already recorded (contact.call-outcome-recorded)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's call (contact.call-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	CallResource outcome(@PathVariable UUID id, @RequestBody(required = false) OutcomeBody body) {
		calls.get(current.id(), id);
		OutcomeBody asked = body == null ? new OutcomeBody(null, null, null, null, null) : body;
		try {
			return CallResource.of(calls.recordOutcome(current.id(), id, asked.outcome(), asked.amount(), asked.date(),
					asked.debtId(), asked.note(), AuditActor.of(current.actor())));
		}
		catch (InvalidFields invalid) {
			// The API names the debt's field as it is sent.
			if (!invalid.errors().containsKey("debt")) {
				throw invalid;
			}
			Map<String, Rejected> renamed = new java.util.LinkedHashMap<>();
			invalid.errors().forEach((field, why) -> renamed.put(field.equals("debt") ? "debtId" : field, why));
			throw new InvalidFields(renamed);
		}
	}

	record BarBody(BarKind kind, String note) {
	}

	@PostMapping("/api/v1/debtors/{id}/contact-bars")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Mark an operator's bar: BANKRUPTCY, DECEASED, MINOR, INCAPACITY, HOSPITAL or "
			+ "DISABILITY_GROUP_1, with a note (audited)",
			description = "Marked on the documents the agency received (ч. 1 ст. 7 230-ФЗ: bankruptcy; a debtor deprived "
					+ "of or limited in legal capacity, treated as an in-patient, disabled of the first group, or a "
					+ "minor; Kredo adds a deceased debtor). Every collection contact with the debtor stops at once. "
					+ "Marking one that stands returns it.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "deceased", value = """
					{"kind":"DECEASED","note":"Свидетельство о смерти от 01.12.2026, звонила дочь"}""")))
	@ApiResponse(responseCode = "201", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "marked",
			value = """
					{"kind":"DECEASED","debtId":null,"since":"2026-12-08T04:05:00Z","source":"operator",
					"note":"Свидетельство о смерти от 01.12.2026, звонила дочь","liftedAt":null}""")))
	@ApiResponse(responseCode = "400", description = "Not an operator's kind (`errors`: kind contact.bar-kind-invalid) "
			+ "or a note over 500 characters (note contact.bar-note-too-long)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	BarResource mark(@PathVariable UUID id, @RequestBody(required = false) BarBody body) {
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		InvalidFields.Collector fields = new InvalidFields.Collector();
		BarKind kind = body == null || body.kind() == null ? null : body.kind();
		if (kind == null || !ContactCardController.OPERATORS_BARS.contains(kind)) {
			fields.reject("kind", new Rejected("contact.bar-kind-invalid"));
		}
		String note = body == null || body.note() == null ? "" : body.note().strip();
		if (note.length() > ContactCardController.MAX_BAR_NOTE) {
			fields.reject("note", new Rejected("contact.bar-note-too-long", ContactCardController.MAX_BAR_NOTE));
		}
		fields.throwIfAny();
		return BarResource.of(bars.mark(current.id(), debtor, kind, null, "operator", note.isEmpty() ? null : note,
				AuditActor.of(current.actor())));
	}

	@DeleteMapping("/api/v1/debtors/{id}/contact-bars/{kind}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift an operator's kind of bar (BANKRUPTCY, DECEASED, MINOR, INCAPACITY, HOSPITAL, "
			+ "DISABILITY_GROUP_1), audited; 404 if none stands")
	@ApiResponse(responseCode = "204", description = "Lifted")
	@ApiResponse(responseCode = "404", description = NOT_FOUND + ", or no such bar stands (contact.bar-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	void lift(@PathVariable UUID id, @PathVariable BarKind kind) {
		ContactId debtor = contacts.get(current.id(), new ContactId(id)).id();
		if (!ContactCardController.OPERATORS_BARS.contains(kind)
				|| !bars.lift(current.id(), debtor, kind, null, AuditActor.of(current.actor()))) {
			throw new NotFound("contact.bar-not-found", kind);
		}
	}

	record PromiseResource(UUID id, UUID debtorId, UUID debtId, UUID callId, String amount, LocalDate dueOn,
			Instant promisedAt, boolean overdue, String actor) {
	}

	@GetMapping("/api/v1/promises")
	@Operation(summary = "The promises to pay due: unkept ones dated today (the agency's) or before (`overdue`)",
			description = "Oldest date first. A page of at most `limit` (default 100, at most 1000): `items`, "
					+ "`total`, `nextCursor` — pass it back as `cursor`; `null` is the last page; a promise kept or made "
					+ "meanwhile shifts no row (`offset` still works for the first page; docs/api-lists.md). A "
					+ "promise is kept, and leaves this list, when the payments on the debtor's debts since it was made "
					+ "reach its amount.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, examples = @ExampleObject(name = "due",
			value = """
					{"items":[{"id":"7d3e1f2a-4b5c-4d6e-8f9a-0b1c2d3e4f5a","debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c",
					"debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","callId":"5c2e9d1a-7b3f-4e8a-9c0d-1e2f3a4b5c6d",
					"amount":"5000.00","dueOn":"2026-12-12","promisedAt":"2026-12-08T04:05:00Z","overdue":false,
					"actor":"Менеджер"}],"total":1,"totalIsEstimate":false,"nextCursor":null}""")))
	ApiList<PromiseResource> promises(@io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		LocalDate today = clocks.today(current.id());
		return promises.due(current.id(), today, Keyset.decode(cursor, Promises.ORDER), paging.offset(), paging.limit())
			.map(p -> new PromiseResource(p.id(), p.debtor().value(), p.debt().value(), p.callId(),
					p.amount().roubles().toPlainString(), p.dueOn(), p.promisedAt(), p.isOverdue(today), p.actor()));
	}

	/** A call the rules refuse: 409, why, and when next (in the debtor's time in the words, as an instant in `next`). */
	@ExceptionHandler(CallNotAllowed.class)
	ResponseEntity<ProblemDetail> notAllowed(CallNotAllowed refused, HttpServletRequest request) {
		Locale locale = problems.locale(request);
		DefaultMessageSourceResolvable why = new DefaultMessageSourceResolvable(
				"contact.reason." + refused.reason().name());
		ProblemDetail problem;
		if (refused.next() == null) {
			problem = problems.of(HttpStatus.CONFLICT, CallNotAllowed.CODE, new Object[] { why, "", "" }, request);
			problem.setDetail(problems.message("contact.call-barred", new Object[] { why }, request));
		}
		else {
			problem = problems.of(HttpStatus.CONFLICT, CallNotAllowed.CODE, new Object[] { why,
					DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(refused.next().atZone(refused.zone())),
					words.zone(refused.zone(), refused.next(), locale) }, request);
		}
		problem.setProperty("reason", refused.reason().name());
		problem.setProperty("next", refused.next());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}
}
