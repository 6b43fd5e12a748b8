package ru.kredo.events.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

import ru.kredo.apikeys.ApiKeyPrincipal;
import ru.kredo.events.FeedUpload;
import ru.kredo.events.FeedUploads;
import ru.kredo.events.UploadSource;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.NotFound;
import ru.kredo.tabular.ImportStatus;

/**
 * A feed's own deliveries of credit events with what its sender may know of them: platform API keys only (declared in
 * {@code tenancy/TenantKindAccess}; a broker's or an agency's key gets 404), and each key only its own pushes — another
 * feed's upload is a 404. How many events matched a watched person and raised signals stays on the operator's «Фиды»
 * page: told to a bureau, it would say whether anyone monitors the people it just sent (one event about one person is
 * enough to ask), which is the tenants' business and personal data, not the bureau's.
 */
@RestController
@RequestMapping("/api/v1/feeds/uploads")
@Tag(name = "Credit events", description = "Bureau feeds push credit events (platform API keys only)")
class FeedUploadsApi {

	private static final int MAX_LIMIT = 200;

	private final FeedUploads uploads;

	FeedUploadsApi(FeedUploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping
	@Operation(summary = "The calling feed's pushes of credit events, newest first, with their counts", description = """
			Each push this API key made to /api/v1/events: when, received, accepted (new), duplicates and rejected. \
			A running push shows the counts of the chunks stored so far. Where Kredo takes events through Kafka, a push \
			has `queued` (the valid events published) and its `accepted` and `duplicates` grow as nodes store them, \
			until they add up to `queued`. Another feed's pushes and the operator's \
			files are not listed, and how many events matched a watched person is not told to a feed (the operator \
			sees it on the «Фиды» page). A page of at most `limit` (default 100, at most 200): `items`, `total`, \
			`nextCursor` — pass it back as `cursor`; `null` is the last page.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "one push", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid), an unknown "
			+ "parameter (request.parameter-invalid)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<Upload> list(@Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		int bounded = ApiList.limit(limit, MAX_LIMIT);
		FeedUploads.Filter filter = FeedUploads.Filter.feed(key.keyId().value());
		return ApiList.keyset(uploads.after(filter, Cursor.decode(cursor), bounded + 1), bounded,
				upload -> new Cursor(upload.startedAt(), upload.id()), uploads.count(filter), Upload::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the calling feed's pushes with its counts; 404 if there is none or it is another's")
	Upload one(@Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable UUID id) {
		FeedUpload upload = uploads.get(id);
		if (!key.keyId().value().equals(upload.apiKeyId())) {
			throw new NotFound("feed-upload.not-found", id);
		}
		return Upload.of(upload);
	}

	private static final String EXAMPLE = """
			{"items":[{"id":"0193a6c2-5d1e-7c3a-9b2f-4e8d1a6b7c90","channel":"API",
			"feedId":"5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4","senderName":"НБКИ","status":"DONE",
			"startedAt":"2026-12-07T06:00:00Z","finishedAt":"2026-12-07T06:00:04Z","received":25000,"accepted":24950,
			"duplicates":40,"rejected":10,"queued":null}],
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";

	@Schema(description = "A push of credit events and what became of it")
	record Upload(UUID id, @Schema(description = "API: a feed's push") UploadSource.Channel channel,
			@Schema(description = "The feed's platform API key") UUID feedId,
			@Schema(description = "The key's name") String senderName,
			@Schema(description = "RUNNING, DONE, FAILED (the chunks before the error kept), INTERRUPTED (its process "
					+ "stopped)") ImportStatus status,
			Instant startedAt, @Schema(nullable = true) Instant finishedAt, long received, long accepted,
			long duplicates, long rejected,
			@Schema(description = "Where Kredo takes events through Kafka: the valid events published to the topic, "
					+ "of which `accepted` and `duplicates` grow as nodes store them (null: stored at once)",
					nullable = true) Long queued) {

		static Upload of(FeedUpload upload) {
			return new Upload(upload.id(), upload.channel(), upload.apiKeyId(), upload.senderName(), upload.status(),
					upload.startedAt(), upload.finishedAt(), upload.received(), upload.accepted(), upload.duplicates(),
					upload.rejected(), upload.queued());
		}
	}
}
