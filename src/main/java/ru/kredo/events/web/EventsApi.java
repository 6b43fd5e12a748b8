package ru.kredo.events.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.apikeys.ApiKeyPrincipal;
import ru.kredo.events.CreditEventIntake;
import ru.kredo.events.EventQueueUnavailable;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.IntakeReport;
import ru.kredo.events.QueuedReport;
import ru.kredo.events.UploadSource;
import ru.kredo.platform.Problems;

/** The bureaus' feed: only the platform's own API keys push events (declared in {@code tenancy/TenantKindAccess}). */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Credit events", description = "Bureau feeds push credit events (platform API keys only)")
class EventsApi {

	private static final String LINES = "{\"source\":\"nbki\",\"eventId\":\"2026-11-20-000123\",\"type\":\"2.2\",\"occurredAt\":\"2026-11-20T10:15:00+03:00\",\"lender\":{\"kind\":\"BANK\"},\"amount\":300000,\"subject\":{\"lastName\":\"Смирнова\",\"firstName\":\"Ольга\",\"middleName\":\"Петровна\",\"birthDate\":\"12.05.1990\",\"passport\":\"4512 334455\"}}\n"
			+ "{\"source\":\"nbki\",\"eventId\":\"2026-11-20-000124\",\"type\":\"LOAN_DISBURSED\",\"occurredAt\":\"2026-11-20T11:02:00+03:00\",\"subject\":{\"lastName\":\"Орлов\",\"firstName\":\"Пётр\",\"birthDate\":\"1984-02-29\"}}\n";
	private static final String ARRAY = "[{\"source\":\"nbki\",\"eventId\":\"2026-11-20-000123\",\"type\":\"2.2\",\"occurredAt\":\"2026-11-20T10:15:00+03:00\",\"lender\":{\"kind\":\"BANK\"},\"amount\":300000,\"subject\":{\"lastName\":\"Смирнова\",\"firstName\":\"Ольга\",\"middleName\":\"Петровна\",\"birthDate\":\"12.05.1990\",\"passport\":\"4512 334455\"}},\n"
			+ "{\"source\":\"nbki\",\"eventId\":\"2026-11-20-000124\",\"type\":\"LOAN_DISBURSED\",\"occurredAt\":\"2026-11-20T11:02:00+03:00\",\"subject\":{\"lastName\":\"Орлов\",\"firstName\":\"Пётр\",\"birthDate\":\"1984-02-29\"}}]";

	private final CreditEventIntake intake;
	private final Problems problems;

	EventsApi(CreditEventIntake intake, Problems problems) {
		this.intake = intake;
		this.problems = problems;
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson", "application/jsonl",
			MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Ingest credit events: a JSON array or JSON Lines, any size", description = """
			Idempotent on (source, eventId): a re-sent batch creates nothing new. Malformed events are rejected with \
			their position (line, or array index + 1) and reason; the rest are accepted. In an array, malformed JSON \
			ends the array at that element (event.array-invalid): the rest is not read. `type` is a Kredo name \
			(LOAN_DISBURSED) or a RUTDF code (2.2; 2.3 needs daysPastDue). The answer comes after everything accepted \
			is stored. An optional field that cannot be read (a passport, ИНН, СНИЛС, patronymic, amount, the lender's \
			kind) never costs the event: it is accepted without it and the field listed in `ignored`. Every push \
			stored at once is recorded as an upload of the key's feed, with its counts (`GET /api/v1/feeds/uploads`). \
			Where Kredo takes events through Kafka, the answer is 202 once the broker has acknowledged every valid \
			event, with `queued` in place of `accepted` and `duplicates` (decided when a node stores them); rejections \
			alike.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The events: JSON Lines (one "
			+ "event a line) or one JSON array of them", content = {
				@Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "JSON Lines", value = LINES)),
				@Content(mediaType = "application/jsonl", examples = @ExampleObject(name = "JSON Lines", value = LINES)),
				@Content(mediaType = "text/plain", examples = @ExampleObject(name = "JSON Lines", value = LINES)),
				@Content(mediaType = "application/json", examples = @ExampleObject(name = "an array", value = ARRAY)) })
	@ApiResponse(responseCode = "200", description = "Stored",
			content = @Content(schema = @Schema(implementation = Report.class)))
	@ApiResponse(responseCode = "202", description = "Published to the events topic (Kafka configured)",
			content = @Content(schema = @Schema(implementation = Queued.class)))
	@ApiResponse(responseCode = "503", description = "The Kafka broker did not acknowledge every event: send again")
	ResponseEntity<?> ingest(@Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key,
			HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			IntakeReport report = intake.take(body, UploadSource.feed(key.keyId().value(), key.keyName()));
			List<Rejection> rejected = report.rejected().stream()
				.map(r -> new Rejection(r.line(), r.eventId(), r.code(), problems.message(r.code(), r.arguments(), request)))
				.toList();
			List<IgnoredField> ignored = report.ignored().stream()
				.map(i -> new IgnoredField(i.line(), i.eventId(), i.field(), i.code(),
						problems.message(i.code(), i.arguments(), request)))
				.toList();
			return switch (report) {
				case IngestionReport stored -> ResponseEntity
					.ok(new Report(stored.received(), stored.accepted(), stored.duplicates(), rejected, ignored,
							stored.rejectedTotal(), stored.ignoredTotal()));
				case QueuedReport queued -> ResponseEntity.status(HttpStatus.ACCEPTED)
					.body(new Queued(queued.received(), queued.queued(), rejected, ignored, queued.rejectedTotal(),
							queued.ignoredTotal()));
			};
		}
	}

	/** What the broker took before it failed will be stored; the rest is not: sending the batch again is safe. */
	@ExceptionHandler(EventQueueUnavailable.class)
	ResponseEntity<ProblemDetail> queueUnavailable(EventQueueUnavailable ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "events.queue-unavailable", new Object[0], request));
	}

	@Schema(description = "What became of the batch")
	record Report(int received, int accepted, int duplicates,
			@Schema(description = "Events not taken, each with its position and reason: the first 1000") List<Rejection> rejected,
			@Schema(description = "Optional fields of accepted events that could not be read: the event was kept "
					+ "without them; the first 1000") List<IgnoredField> ignored,
			@Schema(description = "How many events were not taken, listed or not") int rejectedTotal,
			@Schema(description = "How many optional fields were left out, listed or not") int ignoredTotal) {
	}

	@Schema(description = "A batch published to the events topic (Kafka), to be stored by a node at once")
	record Queued(int received,
			@Schema(description = "Valid events the broker acknowledged; which are new is decided when they are stored")
			int queued,
			@Schema(description = "Events not taken, each with its position and reason: the first 1000") List<Rejection> rejected,
			@Schema(description = "Optional fields of queued events that could not be read: the event goes without them; "
					+ "the first 1000") List<IgnoredField> ignored,
			@Schema(description = "How many events were not taken, listed or not") int rejectedTotal,
			@Schema(description = "How many optional fields were left out, listed or not") int ignoredTotal) {
	}

	@Schema(description = "An event not taken")
	record Rejection(@Schema(description = "Line of a JSON Lines body, or index + 1 in a JSON array") long line,
			@Schema(description = "The event's id, absent (null) when it had none", nullable = true) String eventId,
			@Schema(description = "Stable code, e.g. event.subject-required") String code,
			@Schema(description = "The reason in the caller's language") String message) {
	}

	@Schema(description = "An optional field left out of an accepted event")
	record IgnoredField(long line, @Schema(nullable = true) String eventId,
			@Schema(description = "The field as sent, e.g. subject.passport") String field,
			@Schema(description = "Stable code, e.g. contact.passport-invalid") String code,
			@Schema(description = "The reason in the caller's language") String message) {
	}
}
