package ru.kredo.webhooks.web;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.Problems;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.webhooks.SignalTopic;
import ru.kredo.webhooks.SignalTopicUnavailable;
import ru.kredo.webhooks.SignalTopics;

/**
 * «Сигналы в Kafka» by API (issue 16, {@code docs/webhooks.md} «Kafka»), as on the «Вебхуки» page: read it, switch it
 * on or off (audited). Where Kredo has no Kafka, switching is refused with {@code signal-topic.kafka-not-configured}.
 */
@RestController
@RequestMapping("/api/v1/signal-topic")
@Tag(name = "Webhooks", description = "Webhook endpoints, their event filters and secrets, the delivery log and "
		+ "re-delivery")
class SignalTopicApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String ON_EXAMPLE = """
			{"available":true,"enabled":true,"topic":"kredo.signals.0f8e2a4c-1b3d-4e5f-9a8b-7c6d5e4f3a2b",
			"switchedOnAt":"2026-12-12T07:00:00Z"}""";
	private static final String UNAVAILABLE_EXAMPLE = """
			{"type":"about:blank","title":"Conflict","status":409,
			"detail":"Kafka в этой установке Kredo не настроена: сигналы в Kafka недоступны.",
			"instance":"/api/v1/signal-topic","code":"signal-topic.kafka-not-configured"}""";

	private final SignalTopics topics;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final Problems problems;

	SignalTopicApi(SignalTopics topics, CurrentTenant current, AuditLog audit, Problems problems) {
		this.topics = topics;
		this.current = current;
		this.audit = audit;
		this.problems = problems;
	}

	@GetMapping
	@Operation(summary = "Whether the tenant's webhook events also go to its Kafka topic", description = """
			`available` is false where Kredo has no Kafka (then it cannot be switched on). `topic` is the tenant's own \
			topic, where its events go once `enabled`: each record's value is the webhook's JSON, its key the signal's \
			id, its headers `kredo-event-type`, `kredo-event-id` (the webhook's message id: drop repeats by it) and \
			`kredo-event-version`.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "on", value = ON_EXAMPLE)))
	SignalTopicResource get() {
		return SignalTopicResource.of(topics.of(current.id()));
	}

	@PutMapping
	@Operation(summary = "Switch «Сигналы в Kafka» on or off, as the page does", description = """
			From the moment it is on, every webhook event of the tenant (whatever its endpoints' filters) is also \
			published to its topic, at least once, in order per signal. Switched off, messages already queued are \
			still published. Audited as SIGNAL_TOPIC_SWITCHED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "on", value = ON_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "`enabled` missing (signal-topic.enabled-required)")
	@ApiResponse(responseCode = "409", description = "Kafka is not configured here (signal-topic.kafka-not-configured)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "no Kafka", value = UNAVAILABLE_EXAMPLE)))
	SignalTopicResource put(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "on", value = "{\"enabled\":true}")))
			@RequestBody(required = false) SwitchForm body) {
		if (body == null || body.enabled() == null) {
			throw new Rejected("signal-topic.enabled-required");
		}
		if (topics.switchTo(current.id(), body.enabled())) {
			audit.record(AuditAction.SIGNAL_TOPIC_SWITCHED, "signal-topic", topics.topicOf(current.id()),
					"enabled:" + body.enabled() + ", api");
		}
		return get();
	}

	@ExceptionHandler(SignalTopicUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(SignalTopicUnavailable ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problems.of(HttpStatus.CONFLICT, ex.code(), new Object[0], request));
	}

	@Schema(description = "What to set")
	record SwitchForm(@Schema(description = "true: on, false: off") Boolean enabled) {
	}

	@Schema(description = "«Сигналы в Kafka» of the tenant")
	record SignalTopicResource(@Schema(description = "Kafka is configured here") boolean available, boolean enabled,
			@Schema(description = "The tenant's topic") String topic,
			@Schema(description = "When it was switched on; null while off", nullable = true) Instant switchedOnAt) {

		static SignalTopicResource of(SignalTopic topic) {
			return new SignalTopicResource(topic.available(), topic.enabled(), topic.topic(), topic.switchedOnAt());
		}
	}
}
