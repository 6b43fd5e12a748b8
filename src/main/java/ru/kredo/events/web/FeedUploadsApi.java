package ru.kredo.events.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
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

import ru.kredo.events.FeedUpload;
import ru.kredo.events.FeedUploads;
import ru.kredo.events.UploadSource;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tabular.ImportStatus;

/**
 * The platform's deliveries of credit events with their counts, as the operator's «Фиды» page lists them: platform
 * API keys only (declared in {@code tenancy/TenantKindAccess}; a broker's or an agency's key gets 404).
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
	@Operation(summary = "Every delivery of credit events, newest first, with its counts", description = """
			Each push to /api/v1/events (its feed: the key's id and name), each file the operator uploaded and each \
			file the command line imported: when, received, accepted (new), duplicates, rejected, `matched` (accepted \
			events about a person someone watches, whose watch wanted them) and `signalsRaised` (new signals; events \
			folded into an open signal raise none). A running upload shows the counts of the chunks stored so far. \
			`feedId` (a platform API key's id) or `channel` narrow the list. A page of at most `limit` (default 100, \
			at most 200): `items`, `total`, `nextCursor` — pass it back as `cursor`; `null` is the last page.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "one push", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid), an unknown "
			+ "channel (request.parameter-invalid)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<Upload> list(@RequestParam(required = false) UUID feedId,
			@RequestParam(required = false) UploadSource.Channel channel,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		int bounded = ApiList.limit(limit, MAX_LIMIT);
		FeedUploads.Filter filter = new FeedUploads.Filter(feedId, channel);
		return ApiList.keyset(uploads.after(filter, Cursor.decode(cursor), bounded + 1), bounded,
				upload -> new Cursor(upload.startedAt(), upload.id()), uploads.count(filter), Upload::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One delivery with its counts; 404 if there is none")
	Upload one(@PathVariable UUID id) {
		return Upload.of(uploads.get(id));
	}

	private static final String EXAMPLE = """
			{"items":[{"id":"0193a6c2-5d1e-7c3a-9b2f-4e8d1a6b7c90","channel":"API",
			"feedId":"5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4","senderName":"НБКИ","fileName":null,"status":"DONE",
			"startedAt":"2026-12-07T06:00:00Z","finishedAt":"2026-12-07T06:00:04Z","received":25000,"accepted":24950,
			"duplicates":40,"rejected":10,"matched":1520,"signalsRaised":1210}],
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";

	@Schema(description = "A delivery of credit events and what became of it")
	record Upload(UUID id, @Schema(description = "API (a feed's push), FILE (the operator's page), COMMAND_LINE")
	UploadSource.Channel channel,
			@Schema(nullable = true, description = "The feed's platform API key, for a push") UUID feedId,
			@Schema(description = "The key's or the operator's name") String senderName,
			@Schema(nullable = true) String fileName,
			@Schema(description = "RUNNING, DONE, FAILED (the chunks before the error kept), INTERRUPTED (its process "
					+ "stopped)") ImportStatus status,
			Instant startedAt, @Schema(nullable = true) Instant finishedAt, long received, long accepted,
			long duplicates, long rejected,
			@Schema(description = "Accepted events that matched a watched person") long matched,
			@Schema(description = "New signals they raised") long signalsRaised) {

		static Upload of(FeedUpload upload) {
			return new Upload(upload.id(), upload.channel(), upload.apiKeyId(), upload.senderName(), upload.fileName(),
					upload.status(), upload.startedAt(), upload.finishedAt(), upload.received(), upload.accepted(),
					upload.duplicates(), upload.rejected(), upload.matched(), upload.signalsRaised());
		}
	}
}
