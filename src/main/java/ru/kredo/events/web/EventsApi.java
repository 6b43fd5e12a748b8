package ru.kredo.events.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.IngestionReport;
import ru.kredo.platform.Problems;
import ru.kredo.platform.NotAllowed;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantKind;

/** The bureaus' feed: only the platform's own API keys push events. */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Credit events", description = "Bureau feeds push credit events (platform API keys only)")
class EventsApi {

	private final CreditEventIngestion ingestion;
	private final CurrentTenant current;
	private final Problems problems;

	EventsApi(CreditEventIngestion ingestion, CurrentTenant current, Problems problems) {
		this.ingestion = ingestion;
		this.current = current;
		this.problems = problems;
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson", "application/jsonl",
			MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Ingest credit events: a JSON array or JSON Lines, any size", description = """
			Idempotent on (source, eventId): a re-sent batch creates nothing new. Malformed events are rejected with \
			their position (line, or array index + 1) and reason; the rest are accepted. In an array, malformed JSON \
			ends the array at that element (event.array-invalid): the rest is not read. `type` is a Kredo name \
			(LOAN_DISBURSED) or a RUTDF code (2.2; 2.3 needs daysPastDue). The answer comes after everything accepted \
			is stored.""")
	Report ingest(HttpServletRequest request) throws IOException {
		if (current.kind() != TenantKind.PLATFORM) {
			throw new NotAllowed("event.feed-not-allowed");
		}
		try (InputStream body = request.getInputStream()) {
			IngestionReport report = ingestion.ingest(body);
			return new Report(report.received(), report.accepted(), report.duplicates(), report.rejected().stream()
				.map(r -> Map.of("line", (Object) r.line(), "eventId", String.valueOf(r.eventId()), "code", r.code(),
						"message", problems.message(r.code(), r.arguments(), request)))
				.toList());
		}
	}

	record Report(int received, int accepted, int duplicates, List<Map<String, Object>> rejected) {
	}
}
