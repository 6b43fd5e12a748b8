package ru.kredo.monitoring.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contacts;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.StopReason;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchFilter;
import ru.kredo.monitoring.WatchId;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tenancy.CurrentTenant;

@RestController
@RequestMapping("/api/v1/watches")
@Tag(name = "Monitoring", description = "Put people on credit monitoring one by one; read and stop watches")
class WatchesApi {

	private static final int MAX_LIMIT = 1000;

	private final Watches watches;
	private final UserAccounts users;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final Contacts contacts;

	WatchesApi(Watches watches, UserAccounts users, CurrentTenant current, AuditLog audit, Contacts contacts) {
		this.contacts = contacts;
		this.watches = watches;
		this.users = users;
		this.current = current;
		this.audit = audit;
	}

	@PostMapping
	@Operation(summary = "Put a person on monitoring (or update his individual watch)", description = """
			Dates as DD.MM.YYYY or YYYY-MM-DD; phones in any common Russian notation. Without a consent date the watch \
			is AWAITING_CONSENT and raises nothing. Every wrong field is listed in the problem's `errors`. `externalId` 			is the id of the person's row in your own system (at most 100 characters): kept on his contact, returned by 			every read and carried in webhooks; one another person already has is refused 			(`contact.external-id-taken` on `externalId`).""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "a client", value = "{\"lastName\":\"Кириллова\",\"firstName\":\"Дарья\",\"middleName\":\"Олеговна\",\"birthDate\":\"12.05.1990\",\"phone\":\"+7 916 555-12-34\",\"segment\":\"PROSPECT\",\"consentDate\":\"2026-11-01\",\"consentPurpose\":\"Подбор кредита\",\"consentMethod\":\"PAPER\",\"externalId\":\"B24-1877\"}")))
	ResponseEntity<WatchResource> watch(@RequestBody WatchRequest request) {
		WatchRequest.Parsed parsed = request.parse(user -> users.exists(current.id(), user));
		Watch watch = watches.watch(current.id(), parsed.person(), parsed.terms());
		audit.recordAbout(watch.contactId().value(), AuditAction.WATCH_ADDED, "watch", watch.id(), "api");
		return ResponseEntity.created(URI.create("/api/v1/watches/" + watch.id())).body(resource(watch));
	}

	@GetMapping
	@Operation(summary = "The tenant's watches, in the order they were added, filtered as on the «Мониторинг» page",
			description = """
					`segment`, `status`, `list` (a list's id), `q` (the person's ФИО in any order and case, phone or \
					passport, as the page's search) and `externalId` (only the watches of the person whose row in your \
					own system has this id) narrow the list. A page of at most `limit` watches (default 100, at most \
					1000): `items`, `total` (how many the filter keeps), `nextCursor` — pass it back as `cursor`; `null` is \
					the last page. `offset` is refused (400 `request.offset-replaced`): use the cursor \
					(docs/api-lists.md).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "one watch", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid), an `offset` "
			+ "(request.offset-replaced), an unknown segment or status (request.parameter-invalid)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<WatchResource> search(@RequestParam(required = false) Segment segment,
			@RequestParam(required = false) WatchStatus status, @RequestParam(required = false) UUID list,
			@RequestParam(required = false) String q, @RequestParam(required = false) String externalId,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit,
			@Parameter(hidden = true) @RequestParam(required = false) Integer offset) {
		ApiList.refuseOffset(offset);
		int bounded = ApiList.limit(limit, MAX_LIMIT);
		WatchFilter filter = new WatchFilter(segment, status, list == null ? null : new ListId(list),
				q == null || q.isBlank() ? null : q, externalId);
		return ApiList.keyset(watches.searchAfter(current.id(), filter, Cursor.decode(cursor), bounded + 1), bounded,
				line -> new Cursor(line.watch().createdAt(), line.watch().id().value()), watches.count(current.id(), filter),
				line -> WatchResource.of(line.watch(), line.externalId()));
	}

	private static final String LIST_EXAMPLE = """
			{"items":[{"id":"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d","contactId":"c21f0e9d-8c7b-4a6f-9e5d-4c3b2a1f0e9d",
			"listId":null,"segment":"PROSPECT","status":"ACTIVE","stopReason":null,"startsOn":"2026-11-23",
			"endsOn":"2027-11-23","lastDay":"2027-11-23","eventTypes":["APPLICATION","LOAN_ISSUED"],"managerId":null,
			"consentGivenOn":"2026-11-20","recommendations":[],"recommendationsMet":[],
			"createdAt":"2026-11-23T08:00:00Z","externalId":"1042"}],"total":1,"totalIsEstimate":false,"nextCursor":null}""";

	@GetMapping("/{id}")
	@Operation(summary = "One watch; 404 if not in this tenant")
	WatchResource one(@PathVariable UUID id) {
		return resource(watches.get(current.id(), new WatchId(id)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Stop monitoring")
	WatchResource stop(@PathVariable UUID id) {
		Watch watch = watches.stop(current.id(), new WatchId(id), StopReason.STOPPED_BY_USER);
		audit.recordAbout(watch.contactId().value(), AuditAction.WATCH_STOPPED, "watch", watch.id(), "api");
		return resource(watch);
	}

	private WatchResource resource(Watch watch) {
		return WatchResource.of(watch, contacts.externalId(current.id(), watch.contactId()));
	}

	/** @param externalId the id of the person's row in the tenant's own system (his contact's), or {@code null} */
	record WatchResource(UUID id, UUID contactId, UUID listId, Segment segment, WatchStatus status, StopReason stopReason,
			LocalDate startsOn, LocalDate endsOn, LocalDate lastDay, Set<CreditEventType> eventTypes, UUID managerId,
			LocalDate consentGivenOn, Set<Recommendation> recommendations, Set<Recommendation> recommendationsMet,
			Instant createdAt, String externalId) {

		static WatchResource of(Watch w, String externalId) {
			return new WatchResource(w.id().value(), w.contactId().value(), w.listId() == null ? null : w.listId().value(),
					w.segment(), w.status(), w.stopReason(), w.startsOn(), w.endsOn(), w.lastDay().orElse(null),
					w.eventTypes(), w.managerId() == null ? null : w.managerId().value(),
					w.consent() == null ? null : w.consent().givenOn(), w.recommendations(), w.recommendationsMet(),
					w.createdAt(), externalId);
		}
	}
}
