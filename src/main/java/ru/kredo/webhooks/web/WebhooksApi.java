package ru.kredo.webhooks.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.webhooks.EndpointHealth;
import ru.kredo.webhooks.WebhookAttempt;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDelivery;
import ru.kredo.webhooks.WebhookDeliveryId;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpointId;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * The «Вебхуки» page for an integrator's software (issue 15, {@code docs/webhooks.md} «Managing endpoints by API»):
 * endpoints with their event filters, the secret shown once at creation and at each rotation (the rotated one keeps
 * signing for an overlap window), the delivery log and re-delivery. The same service methods and the same audit as
 * the page; another tenant's endpoint or delivery is a 404.
 */
@RestController
@Tag(name = "Webhooks", description = "Webhook endpoints, their event filters and secrets, the delivery log and "
		+ "re-delivery")
class WebhooksApi {

	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;

	private static final String PROBLEM = "application/problem+json";
	private static final String ENDPOINT_FIELDS = """
			"id":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b","url":"https://crm.example.ru/kredo/webhook",
			"description":"Битрикс24, отдел продаж","eventTypes":["signal.raised","dispute.opened"],"enabled":true,
			"disabledReason":null,"disabledAt":null,"createdAt":"2026-12-09T07:00:00Z","previousSecretValidUntil":null,
			"health":{"state":"WORKING","lastSuccessAt":"2026-12-09T07:05:00Z","lastFailureAt":null,"failuresInARow":0,
			"lastFailureStatus":null,"lastFailureError":null}""";
	private static final String ENDPOINT_EXAMPLE = "{" + ENDPOINT_FIELDS + "}";
	private static final String CREATED_EXAMPLE = """
			{"id":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b","url":"https://crm.example.ru/kredo/webhook",
			"description":"Битрикс24, отдел продаж","eventTypes":["signal.raised","dispute.opened"],"enabled":true,
			"disabledReason":null,"disabledAt":null,"createdAt":"2026-12-09T07:00:00Z","previousSecretValidUntil":null,
			"health":{"state":"UNTRIED","lastSuccessAt":null,"lastFailureAt":null,"failuresInARow":0,
			"lastFailureStatus":null,"lastFailureError":null},
			"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwZz9u5mJ0Wk4="}""";
	private static final String LIST_EXAMPLE = "{\"items\":[" + ENDPOINT_EXAMPLE + "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}";
	private static final String ROTATED_EXAMPLE = """
			{"id":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b","secret":"whsec_3q2+7wX9yZ0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uU=",
			"previousSecretValidUntil":"2026-12-10T07:00:00Z"}""";
	private static final String DELIVERY_FIELDS = """
			"id":"8c7b6a59-4d3e-4f2a-9b1c-0d9e8f7a6b5c","endpointId":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
			"messageId":"msg_6f1c2d0e9a3b4c5d8e7f6a5b4c3d2e1f","eventType":"signal.raised","status":"RETRYING",
			"attempts":2,"lastResponseCode":503,"lastError":null,"createdAt":"2026-12-09T08:00:00Z",
			"lastAttemptAt":"2026-12-09T08:00:05Z","nextAttemptAt":"2026-12-09T08:05:05Z","deliveredAt":null""";
	private static final String DELIVERIES_EXAMPLE = "{\"items\":[{" + DELIVERY_FIELDS + "}],\"total\":1,"
			+ "\"totalIsEstimate\":false,\"nextCursor\":\"MjAyNi0xMi0wOVQwODowMDowMFp8OGM3YjZhNTktNGQzZS00ZjJhLTliMWMtMGQ5ZThmN2E2YjVj\"}";
	private static final String REDELIVERED_EXAMPLE = """
			{"id":"8c7b6a59-4d3e-4f2a-9b1c-0d9e8f7a6b5c","endpointId":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
			"messageId":"msg_6f1c2d0e9a3b4c5d8e7f6a5b4c3d2e1f","eventType":"signal.raised","status":"PENDING",
			"attempts":8,"lastResponseCode":503,"lastError":null,"createdAt":"2026-12-09T08:00:00Z",
			"lastAttemptAt":"2026-12-10T11:35:05Z","nextAttemptAt":"2026-12-10T12:00:00Z","deliveredAt":null}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Адрес вебхуков не найден.",
			"instance":"/api/v1/webhook-endpoints/5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b","code":"webhook.not-found"}""";
	private static final String DELIVERY_NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Доставка не найдена.",
			"instance":"/api/v1/webhook-deliveries/8c7b6a59-4d3e-4f2a-9b1c-0d9e8f7a6b5c/redeliver",
			"code":"webhook.delivery-not-found"}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,"detail":"Проверьте поля запроса.",
			"instance":"/api/v1/webhook-endpoints","code":"request.invalid-fields","errors":[{"field":"url",
			"code":"webhook.url-private","message":"Адрес ведёт во внутреннюю сеть (localhost, 10.x.x.x, 192.168.x.x и т. п.); укажите адрес, доступный из интернета."},
			{"field":"eventTypes","code":"webhook.event-type-unknown","message":"Нет такого типа событий: offer.viewed. Есть: signal.raised, …"}]}""";
	private static final String CURSOR_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Курсор не узнан: передайте nextCursor из предыдущего ответа как есть.",
			"instance":"/api/v1/webhook-endpoints","code":"request.cursor-invalid"}""";

	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final Clock clock;

	WebhooksApi(WebhookEndpoints endpoints, WebhookDeliveries deliveries, CurrentTenant current, AuditLog audit,
			Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
	}

	private EndpointResource resource(WebhookEndpoint endpoint) {
		return EndpointResource.of(endpoint, clock.instant());
	}

	@GetMapping("/api/v1/webhook-endpoints")
	@Operation(summary = "The tenant's webhook endpoints, oldest first", description = """
			A page of at most `limit` endpoints (default 50, at most 200); `total` is how many there are, `nextCursor` \
			the `cursor` of the next page (`null` at the end): pass it back as it is. Secrets are never listed.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "one endpoint", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad cursor", value = CURSOR_EXAMPLE)))
	ApiList<EndpointResource> list(@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		int bounded = Math.clamp(limit, 1, MAX_LIMIT);
		List<WebhookEndpoint> rows = endpoints.page(current.id(), Cursor.decode(cursor), bounded + 1);
		List<WebhookEndpoint> shown = rows.size() > bounded ? rows.subList(0, bounded) : rows;
		return ApiList.of(shown.stream().map(this::resource).toList(), endpoints.count(current.id()),
				rows.size() > bounded ? new Cursor(shown.getLast().createdAt(), shown.getLast().id().value()).encode()
						: null);
	}

	@GetMapping("/api/v1/webhook-endpoints/event-types")
	@Operation(summary = "The event types an endpoint may choose to receive",
			description = "The values `eventTypes` takes, all in one page (`nextCursor` always `null`); each is "
					+ "documented with its payload in docs/webhooks.md.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "types", value = """
					{"items":["signal.raised","signal.folded","signal.outcome_recorded","list_import.finished",
					"conversation.message_created","dispute.opened","dispute.resolved","document_request.created",
					"plan.requested","plan.signed","plan.behind","plan.broken","plan.completed","payment.succeeded",
					"offer.signed","debt.closed"],"total":16,"totalIsEstimate":false,"nextCursor":null}""")))
	ApiList<String> eventTypes() {
		return ApiList.whole(WebhookEndpoints.eventTypes());
	}

	@PostMapping("/api/v1/webhook-endpoints")
	@Operation(summary = "Add an endpoint; its signing secret is in this answer only", description = """
			`url` (http or https, up to 2000 characters; never an address of a private network: webhook.url-private), \
			`description` (up to 200 characters), `eventTypes` (the types it receives, from \
			`GET /api/v1/webhook-endpoints/event-types`; absent or empty: every type, including types added later). \
			Every wrong field is listed in `errors`. The endpoint is enabled at once. `secret` (`whsec_…`) is shown \
			here and never again: store it in the CRM, or rotate to get a new one. Audited.""")
	@ApiResponse(responseCode = "201", description = "Added; `Location` is its address", content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "added", value = CREATED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields (request.invalid-fields, each in `errors`)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "private address", value = INVALID_EXAMPLE)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "a CRM", value = "{\"url\":\"https://crm.example.ru/hooks/kredo\",\"description\":\"Битрикс24, отдел продаж\",\"eventTypes\":[\"signal.raised\",\"dispute.opened\"]}")))
	ResponseEntity<EndpointResource> create(@RequestBody(required = false) EndpointRequest request) {
		EndpointRequest given = request == null ? new EndpointRequest(null, null, null, null) : request;
		WebhookEndpoint endpoint = endpoints.add(current.id(), given.url(), given.description(), given.eventTypes());
		audit.record(AuditAction.WEBHOOK_ENDPOINT_ADDED, "webhook-endpoint", endpoint.id(), "api");
		return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + endpoint.id()))
			.body(resource(endpoint).withSecret(endpoint.secret().value()));
	}

	@GetMapping("/api/v1/webhook-endpoints/{id}")
	@Operation(summary = "One endpoint, with how its deliveries go (`health`); never its secret")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "endpoint", value = ENDPOINT_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	EndpointResource one(@PathVariable UUID id) {
		return resource(endpoints.get(current.id(), new WebhookEndpointId(id)));
	}

	@PatchMapping("/api/v1/webhook-endpoints/{id}")
	@Operation(summary = "Change an endpoint: only the fields given", description = """
			Any of `url`, `description`, `eventTypes` (an empty list: every type) and `enabled`, checked as at \
			creation; a wrong field changes nothing. `enabled: false` stops new messages being queued for it (those \
			already queued wait); `enabled: true` sends them and forgives its past failures, as the page's «Включить» \
			does. Audited with the fields changed.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "changed", value = ENDPOINT_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields (request.invalid-fields, each in `errors`)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "private address", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "switch off", value = "{\"enabled\":false}")))
	EndpointResource update(@PathVariable UUID id, @RequestBody(required = false) EndpointRequest request) {
		WebhookEndpointId endpointId = new WebhookEndpointId(id);
		if (request == null) {
			// Nothing to change; still a 404 for another tenant's id.
			return resource(endpoints.get(current.id(), endpointId));
		}
		WebhookEndpoint endpoint = endpoints.update(current.id(), endpointId,
				new WebhookEndpoints.Change(request.url(), request.description(), request.eventTypes(), request.enabled()));
		List<String> changed = new ArrayList<>();
		if (request.url() != null) {
			changed.add("url");
		}
		if (request.description() != null) {
			changed.add("description");
		}
		if (request.eventTypes() != null) {
			changed.add("eventTypes:" + String.join(",", endpoint.eventTypes()));
		}
		if (request.enabled() != null) {
			changed.add("enabled:" + request.enabled());
		}
		audit.record(AuditAction.WEBHOOK_ENDPOINT_CHANGED, "webhook-endpoint", endpoint.id(),
				"api;" + String.join(";", changed));
		return resource(endpoint);
	}

	@DeleteMapping("/api/v1/webhook-endpoints/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an endpoint, with its queued messages and its delivery log", description = """
			Nothing more is sent to it, messages queued for it are dropped, and its id is not found any more (404). To \
			stop it for a while and keep its log and queue, `PATCH` it with `enabled: false` instead. Audited.""")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "Not this tenant's, or already deleted (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	void delete(@PathVariable UUID id) {
		WebhookEndpointId endpointId = new WebhookEndpointId(id);
		String url = endpoints.get(current.id(), endpointId).url().toString();
		endpoints.delete(current.id(), endpointId);
		audit.record(AuditAction.WEBHOOK_ENDPOINT_DELETED, "webhook-endpoint", endpointId, "api;" + url);
	}

	@PostMapping("/api/v1/webhook-endpoints/{id}/secret/rotate")
	@Operation(summary = "A new signing secret, shown in this answer only; the old one keeps signing for a while",
			description = """
			From now on every request is signed with the new secret; until `previousSecretValidUntil` \
			(`kredo.webhooks.secret-overlap` after now, 24 hours by default) the `webhook-signature` header also \
			carries a signature with the secret replaced (`v1,<new> v1,<old>`), so a CRM holding either verifies \
			while it is being given the new one. Rotating again within the window keeps only the secret just \
			replaced. Audited.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "rotated", value = ROTATED_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	RotatedSecret rotate(@PathVariable UUID id) {
		WebhookEndpoint endpoint = endpoints.rotateSecret(current.id(), new WebhookEndpointId(id));
		audit.record(AuditAction.WEBHOOK_ENDPOINT_CHANGED, "webhook-endpoint", endpoint.id(), "api;secret-rotated");
		return new RotatedSecret(endpoint.id().value(), endpoint.secret().value(), endpoint.previousSecretUntil());
	}

	@PostMapping("/api/v1/webhook-endpoints/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Queue a `webhook.test` message for this endpoint (whatever its event filter)",
			description = "As the page's «Отправить тестовое событие»: `data` is `{\"endpointId\": \"…\"}`.")
	@ApiResponse(responseCode = "202", description = "Queued; the answer is its line of the delivery log",
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "queued", value = """
					{"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","endpointId":"5f0e7a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
					"messageId":"msg_0a1b2c3d4e5f40718293a4b5c6d7e8f9","eventType":"webhook.test","status":"PENDING",
					"attempts":0,"lastResponseCode":null,"lastError":null,"createdAt":"2026-12-09T09:00:00Z",
					"lastAttemptAt":null,"nextAttemptAt":"2026-12-09T09:00:00Z","deliveredAt":null}""")))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	DeliveryLine test(@PathVariable UUID id) {
		WebhookDeliveryId delivery = deliveries.sendTest(current.id(), new WebhookEndpointId(id));
		return DeliveryLine.of(deliveries.get(current.id(), delivery));
	}

	@GetMapping("/api/v1/webhook-endpoints/{id}/deliveries")
	@Operation(summary = "The endpoint's delivery log, newest first", description = """
			Each message sent or to be sent to it: its `webhook-id` (`messageId`), `eventType`, `status` (`PENDING`: \
			not tried yet; `RETRYING`: failed, tried again at `nextAttemptAt`; `DELIVERED`; `FAILED`: retries used \
			up), how many `attempts`, the last attempt's response code or error, and times. Never the payload. Paged \
			as the endpoints are: `limit` (default 50, at most 200), `cursor` ← `nextCursor`, `total`.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "log", value = DELIVERIES_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad cursor", value = CURSOR_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ApiList<DeliveryLine> deliveries(@PathVariable UUID id,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		WebhookEndpoint endpoint = endpoints.get(current.id(), new WebhookEndpointId(id));
		int bounded = Math.clamp(limit, 1, MAX_LIMIT);
		List<WebhookDelivery> rows = deliveries.page(current.id(), endpoint.id(), Cursor.decode(cursor), bounded + 1);
		List<WebhookDelivery> shown = rows.size() > bounded ? rows.subList(0, bounded) : rows;
		return ApiList.of(shown.stream().map(DeliveryLine::of).toList(), deliveries.count(current.id(), endpoint.id()),
				rows.size() > bounded ? new Cursor(shown.getLast().createdAt(), shown.getLast().id().value()).encode()
						: null);
	}

	@PostMapping("/api/v1/webhook-deliveries/{id}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a message again: the same `webhook-id`, a fresh retry schedule", description = """
			As the delivery log's «Отправить снова»: the message is due at once (sent at the next poll, within \
			`kredo.webhooks.poll-interval`), signed afresh. Audited.""")
	@ApiResponse(responseCode = "202", description = "Queued again; the answer is its line of the log",
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "queued", value = REDELIVERED_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this tenant's (webhook.delivery-not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = DELIVERY_NOT_FOUND_EXAMPLE)))
	DeliveryLine redeliver(@PathVariable UUID id) {
		WebhookDelivery delivery = deliveries.redeliver(current.id(), new WebhookDeliveryId(id));
		audit.record(AuditAction.WEBHOOK_REDELIVERED, "webhook-delivery", delivery.id(), delivery.messageId());
		return DeliveryLine.of(delivery);
	}

	/**
	 * An endpoint to add or a change to one; in a change a field absent (or {@code null}) is left as it is.
	 *
	 * @param eventTypes the types it receives; empty (or absent at creation): every type
	 */
	record EndpointRequest(String url, String description, List<String> eventTypes, Boolean enabled) {
	}

	/**
	 * @param eventTypes the types it receives; empty: every type, including types added later
	 * @param previousSecretValidUntil until when the secret before the last rotation still signs; {@code null} if none
	 * @param secret only in the answer that created it
	 */
	record EndpointResource(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
			String disabledReason, Instant disabledAt, Instant createdAt, Instant previousSecretValidUntil,
			Health health, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only when created")
			String secret) {

		static EndpointResource of(WebhookEndpoint e, Instant now) {
			EndpointHealth h = e.health();
			Instant overlap = e.inSecretOverlap(now) ? e.previousSecretUntil() : null;
			return new EndpointResource(e.id().value(), e.url().toString(), e.description(), e.eventTypes(), e.enabled(),
					e.disabledReason() == null ? null : e.disabledReason().name(), e.disabledAt(), e.createdAt(), overlap,
					new Health(h.state().name(), h.lastSuccessAt(), h.lastFailureAt(), h.failuresInARow(),
							h.lastFailureStatus(), h.lastFailureError()), null);
		}

		EndpointResource withSecret(String value) {
			return new EndpointResource(id, url, description, eventTypes, enabled, disabledReason, disabledAt, createdAt,
					previousSecretValidUntil, health, value);
		}
	}

	/** @param state {@code UNTRIED}, {@code WORKING}, {@code REFUSING} or {@code NOT_ANSWERING} (docs/webhooks.md) */
	record Health(String state, Instant lastSuccessAt, Instant lastFailureAt, int failuresInARow,
			Integer lastFailureStatus, String lastFailureError) {
	}

	record RotatedSecret(UUID id, String secret, Instant previousSecretValidUntil) {
	}

	/**
	 * @param status {@code PENDING}, {@code RETRYING}, {@code DELIVERED} or {@code FAILED}
	 * @param attempts every attempt made, re-deliveries' included
	 * @param lastResponseCode the last attempt's HTTP status; {@code null} when it got no answer or none was made
	 * @param lastError why the last attempt got no answer (timeout, refused connection…)
	 */
	record DeliveryLine(UUID id, UUID endpointId, String messageId, String eventType, String status, int attempts,
			Integer lastResponseCode, String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
			Instant deliveredAt) {

		static DeliveryLine of(WebhookDelivery d) {
			WebhookAttempt last = d.lastAttempt();
			return new DeliveryLine(d.id().value(), d.endpointId().value(), d.messageId(), d.eventType(),
					d.shownStatus(), d.attempts().size(), last == null ? null : last.statusCode(),
					last == null ? null : last.error(), d.createdAt(), last == null ? null : last.attemptedAt(),
					d.nextAttemptAt(), d.deliveredAt());
		}
	}
}
