package ru.kredo.signals.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Segment;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Priority;
import ru.kredo.signals.QueueLine;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalCursor;
import ru.kredo.signals.SignalFilter;
import ru.kredo.signals.SignalId;
import ru.kredo.signals.SignalRanking;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.SignalWording;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "Signals", description = "The tenant's signals: read the queue, record outcomes, adjust the ranking")
class SignalsApi {

	private static final int MAX_LIMIT = 1000;

	private final Signals signals;
	private final SignalRanking ranking;
	private final SignalWording wording;
	private final CurrentTenant current;
	private final UserAccounts users;
	private final AuditLog audit;

	SignalsApi(Signals signals, SignalRanking ranking, SignalWording wording, CurrentTenant current, UserAccounts users,
			AuditLog audit) {
		this.signals = signals;
		this.ranking = ranking;
		this.wording = wording;
		this.current = current;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The queue: most urgent first, then newest; each signal with its person's summary",
			description = """
					A page of at most `limit` signals (default 100, at most 1000): `items`, `total` (how many the filter \
					keeps in all) and `nextCursor` — pass it back as `cursor` for the next page; `null` is the last page, \
					and a cursor Kredo did not give is a 400 (`request.cursor-invalid`). `offset` still skips rows as \
					before (after the cursor, when both are given). Each item embeds `person`: the contact's id, name \
					and `externalId` (the id of his row in your own system), the watch's id and segment — one call for \
					what would otherwise be one `GET /api/v1/contacts/{id}` per signal.""")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value = LIST_EXAMPLE)))
	ApiList<SignalResource> queue(@RequestParam(defaultValue = "OPEN") SignalStatus status,
			@RequestParam(required = false) Integer maxPriority, @RequestParam(required = false) Segment segment,
			@RequestParam(required = false) UUID list, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit,
			@io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page")
			@RequestParam(required = false) String cursor) {
		SignalFilter filter = new SignalFilter(status, maxPriority, segment, list == null ? null : new ListId(list), null, null);
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		SignalCursor after = SignalCursor.decode(cursor);
		List<QueueLine> rows = signals.page(current.id(), filter, after, paging.offset(), paging.limit() + 1);
		List<QueueLine> shown = rows.size() > paging.limit() ? rows.subList(0, paging.limit()) : rows;
		return ApiList.of(shown.stream().map(this::resource).toList(), signals.count(current.id(), filter),
				rows.size() > paging.limit() ? SignalCursor.after(shown.getLast().signal()).encode() : null);
	}

	private static final String LIST_EXAMPLE = """
			{"items":[{"id":"0b6c3f5e-2a1d-4c3b-9e8f-7a6b5c4d3e2f","watchId":"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",\
			"contactId":"c21f0e9d-8c7b-4a6f-9e5d-4c3b2a1f0e9d","contactName":"Семёнова Анна Петровна",\
			"listId":"9e0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c","listName":"Дожим, ноябрь","segment":"PROSPECT",\
			"eventType":"APPLICATION","priority":1,"title":"Подала заявку на кредит — позвоните сегодня","count":1,\
			"firstEventAt":"2026-11-23T08:58:00Z","lastEventAt":"2026-11-23T08:58:00Z","amount":null,"status":"OPEN",\
			"outcome":null,"commissionDue":false,"stopContact":false,"externalId":"1042",\
			"person":{"contactId":"c21f0e9d-8c7b-4a6f-9e5d-4c3b2a1f0e9d","watchId":"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",\
			"name":"Семёнова Анна Петровна","externalId":"1042","segment":"PROSPECT"}}],\
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";

	@GetMapping("/{id}")
	@Operation(summary = "One signal; 404 if not in this tenant")
	SignalResource one(@PathVariable UUID id) {
		return resource(signals.line(current.id(), new SignalId(id)));
	}

	@PostMapping("/{id}/outcome")
	@Operation(summary = "Record how working the signal ended",
			description = "A credit broker's outcomes: DEAL, REACHED, NOT_INTERESTED, NO_ANSWER, WRONG_NUMBER. A collection "
					+ "agency's: PAID, PROMISED_TO_PAY, REACHED, REFUSED_TO_PAY, NO_ANSWER, WRONG_NUMBER. A «do not contact» "
					+ "signal (a bankruptcy) ends only as NOTED. Another outcome is refused (400, code signal.outcome-not-for-tenant). DEAL and PAID count as deals in the "
					+ "conversion; every outcome but NO_ANSWER and WRONG_NUMBER counts as reached (docs/metrics.md).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "a deal", value = "{\"outcome\":\"DEAL\",\"by\":\"3f2b8a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}")))
	SignalResource close(@PathVariable UUID id, @RequestBody(required = false) OutcomeRequest request) {
		signals.get(current.id(), new SignalId(id));
		if (request == null || request.outcome() == null) {
			throw new Rejected("required");
		}
		if (request.by() == null || !users.exists(current.id(), new UserId(request.by()))) {
			throw new InvalidFields(Map.of("by", new Rejected("user-unknown")));
		}
		signals.close(current.id(), new SignalId(id), request.outcome(), new UserId(request.by()));
		return resource(signals.line(current.id(), new SignalId(id)));
	}

	@PutMapping("/{id}/assignee")
	@Operation(summary = "Assign the signal to one of the tenant's users, or to no one (`userId` null), as the signal's "
			+ "page does", description = "`userId`: a user of this tenant (`errors`: userId user-unknown otherwise).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "to a manager", value = "{\"userId\":\"3f2b8a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}")))
	SignalResource assign(@PathVariable UUID id, @RequestBody(required = false) AssigneeRequest request) {
		signals.get(current.id(), new SignalId(id));
		UUID user = request == null ? null : request.userId();
		if (user != null && !users.exists(current.id(), new UserId(user))) {
			throw new InvalidFields(Map.of("userId", new Rejected("user-unknown")));
		}
		signals.assign(current.id(), new SignalId(id), user == null ? null : new UserId(user));
		return resource(signals.line(current.id(), new SignalId(id)));
	}

	/** @param userId a user of the tenant, or null for no one */
	record AssigneeRequest(UUID userId) {
	}

	@PutMapping("/priorities")
	@Operation(summary = "Adjust the tenant's ranking: the priority (1 = act today … 5) of one segment × event type")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "act today", value = "{\"segment\":\"PAUSED\",\"eventType\":\"APPLICATION\",\"priority\":1}")))
	void prioritize(@RequestBody PriorityRequest request) {
		if (request.segment() == null || request.eventType() == null) {
			throw new Rejected("required");
		}
		ranking.override(current.id(), request.segment(), request.eventType(), request.priority());
		audit.record(AuditAction.SIGNAL_PRIORITY_CHANGED, "signal-priority", request.segment() + "." + request.eventType(),
				Integer.toString(request.priority()));
	}

	@GetMapping("/priorities")
	@Operation(summary = "The tenant's ranking: every segment × event type, its priority, Kredo's default and whether "
			+ "the tenant set it", description = "The whole table in one page (`nextCursor` always `null`).")
	ApiList<Priority> priorities() {
		return ApiList.whole(ranking.table(current.id()));
	}

	@DeleteMapping("/priorities/{segment}/{eventType}")
	@Operation(summary = "Back to Kredo's default priority for one segment × event type")
	Priority resetPriority(@PathVariable Segment segment, @PathVariable CreditEventType eventType) {
		ranking.reset(current.id(), segment, eventType);
		audit.record(AuditAction.SIGNAL_PRIORITY_CHANGED, "signal-priority", segment + "." + eventType, "default");
		return ranking.priority(current.id(), segment, eventType);
	}

	private SignalResource resource(QueueLine line) {
		Signal s = line.signal();
		return new SignalResource(s.id().value(), s.watchId().value(), s.contactId().value(), line.contactName(),
				s.listId() == null ? null : s.listId().value(), line.listName(), s.segment(), s.eventType(), s.priority(),
				wording.russian(s), s.count(), s.firstEventAt(), s.lastEventAt(), s.amount(),
				s.status(), s.outcome(), s.commissionDue(), s.stopContact(), line.externalId(),
				new Person(s.contactId().value(), s.watchId().value(), line.contactName(), line.externalId(), s.segment()));
	}

	/**
	 * @param stopContact a signal that means every contact must stop (a bankruptcy): never a call, whatever its priority
	 * @param externalId the id of the person's row in the tenant's own system, or {@code null}
	 * @param person the person's summary, embedded so that a list of signals needs no call per person
	 */
	record SignalResource(UUID id, UUID watchId, UUID contactId, String contactName, UUID listId, String listName,
			Segment segment, CreditEventType eventType, int priority, String title, int count, Instant firstEventAt,
			Instant lastEventAt, BigDecimal amount, SignalStatus status, Outcome outcome, boolean commissionDue,
			boolean stopContact, String externalId, Person person) {
	}

	/** Whose a signal is: his contact, his name and id in the tenant's own system, the watch and its segment. */
	record Person(UUID contactId, UUID watchId, String name, String externalId, Segment segment) {
	}

	/** @param by the Kredo user who worked the signal: an outcome is always somebody's work */
	record OutcomeRequest(Outcome outcome, UUID by) {
	}

	record PriorityRequest(Segment segment, CreditEventType eventType, int priority) {
	}
}
