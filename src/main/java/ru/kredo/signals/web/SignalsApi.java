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
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Priority;
import ru.kredo.signals.QueueLine;
import ru.kredo.signals.Signal;
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
	@Operation(summary = "The queue: most urgent first, then newest")
	List<SignalResource> queue(@RequestParam(defaultValue = "OPEN") SignalStatus status,
			@RequestParam(required = false) Integer maxPriority, @RequestParam(required = false) Segment segment,
			@RequestParam(required = false) UUID list, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		SignalFilter filter = new SignalFilter(status, maxPriority, segment, list == null ? null : new ListId(list), null, null);
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		return signals.queue(current.id(), filter, paging.offset(), paging.limit()).stream()
			.map(this::resource)
			.toList();
	}

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

	@PutMapping("/priorities")
	@Operation(summary = "Adjust the tenant's ranking: the priority (1 = act today … 5) of one segment × event type")
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
			+ "the tenant set it")
	List<Priority> priorities() {
		return ranking.table(current.id());
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
				s.status(), s.outcome(), s.commissionDue(), s.stopContact());
	}

	/** @param stopContact a signal that means every contact must stop (a bankruptcy): never a call, whatever its priority */
	record SignalResource(UUID id, UUID watchId, UUID contactId, String contactName, UUID listId, String listName,
			Segment segment, CreditEventType eventType, int priority, String title, int count, Instant firstEventAt,
			Instant lastEventAt, BigDecimal amount, SignalStatus status, Outcome outcome, boolean commissionDue,
			boolean stopContact) {
	}

	/** @param by the Kredo user who worked the signal: an outcome is always somebody's work */
	record OutcomeRequest(Outcome outcome, UUID by) {
	}

	record PriorityRequest(Segment segment, CreditEventType eventType, int priority) {
	}
}
