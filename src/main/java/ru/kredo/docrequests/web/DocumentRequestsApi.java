package ru.kredo.docrequests.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.conversations.FirstReply;
import ru.kredo.conversations.Upload;
import ru.kredo.docrequests.DocumentRequest;
import ru.kredo.docrequests.DocumentRequests;
import ru.kredo.docrequests.DocumentType;
import ru.kredo.docrequests.RequestFilter;
import ru.kredo.docrequests.RequestState;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Paging;
import ru.kredo.platform.TooLarge;
import ru.kredo.tenancy.CurrentTenant;

/**
 * Debtors' document requests for an agency's own software (collection agencies only): list and read them, answer one
 * with a PDF, decline one with a reason the debtor reads. The same service as the inbox's pages, so the same checks,
 * notices and audit; the audit log names the API key.
 */
@RestController
@RequestMapping("/api/v1/document-requests")
@Tag(name = "Document requests", description = "Debtors' requests for documents: list, read, answer with a PDF, decline")
class DocumentRequestsApi {

	private static final int MAX_LIMIT = 1000;
	private static final String EXAMPLE = """
			{"id":"6f1c2e0a-8d7b-4a51-9d7e-2b1f0c9a4e11","debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c",
			"debtorName":"Лебедева Ольга Сергеевна","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"contractNumber":"КД-1234/2021","type":"DEBT_CALCULATION","comment":"Для суда, с расчётом процентов",
			"state":"OPEN","createdAt":"2026-12-07T07:15:00Z","dueAt":"2026-12-07T11:15:00Z","overdue":false,
			"closedAt":null,"declineReason":null,"documentId":null}""";
	private static final String PROBLEM = "application/problem+json";

	private final DocumentRequests requests;
	private final CurrentTenant current;
	private final AuditLog audit;

	DocumentRequestsApi(DocumentRequests requests, CurrentTenant current, AuditLog audit) {
		this.requests = requests;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's document requests, a window at a time",
			description = "`state`: OPEN (the longest waiting first), OVERDUE (open and past the first-reply target in the "
					+ "agency's working time), ANSWERED, DECLINED or ALL (open first, then the latest closed). A page of at "
					+ "most `limit` (default 100, at most 1000): `items`, `total`, `nextCursor` — pass it back as "
					+ "`cursor`; `null` is the last page; a request that comes or closes meanwhile shifts no row (`offset` still works for the "
					+ "first page; docs/api-lists.md). Comments are not "
					+ "listed: read one request.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "open", value = "{\"items\":[" + EXAMPLE + "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}")))
	ApiList<RequestResource> list(@RequestParam(defaultValue = "OPEN") RequestFilter state,
			@io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		return requests.list(current.id(), state, Keyset.decode(cursor, DocumentRequests.ORDER), paging.offset(),
				paging.limit())
			.map(request -> resource(request, false));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request with the debtor's comment (audited as a view of personal data); 404 if not in "
			+ "this tenant")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "open", value = EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (document-request.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	RequestResource one(@PathVariable UUID id) {
		DocumentRequest request = requests.get(current.id(), id);
		audit.recordAbout(request.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "document-request", id, "api");
		return resource(request, true);
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Answer an open request with a PDF (multipart `file`); the debtor is told",
			description = "The file must be a PDF by its content (not its name or Content-Type) and at most "
					+ "`kredo.document-requests.max-file-size`; it becomes one of the debtor's documents, downloadable "
					+ "in his cabinet. Example: `curl -H \"Authorization: Bearer $KEY\" -F file=@calc.pdf "
					+ "…/api/v1/document-requests/{id}/answer`")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "answered", value = """
					{"id":"6f1c2e0a-8d7b-4a51-9d7e-2b1f0c9a4e11","type":"DEBT_CALCULATION","state":"ANSWERED",
					"closedAt":"2026-12-07T09:02:00Z","documentId":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"}""")))
	@ApiResponse(responseCode = "400", description = "No file, an empty one, not a PDF (`errors`: file "
			+ "docrequest.file-required, docrequest.file-empty, docrequest.file-not-pdf), or the request is no longer "
			+ "open (docrequest.not-open)", content = @Content(mediaType = PROBLEM,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "not a PDF",
							value = """
									{"type":"about:blank","title":"Bad Request","status":400,"code":"request.invalid-fields",
									"detail":"Некоторые поля заполнены неверно; см. errors.","errors":[{"field":"file",
									"code":"docrequest.file-not-pdf","message":"Нужен PDF: проверяется содержимое файла, а не его имя."}]}""")))
	@ApiResponse(responseCode = "404", description = "Not this agency's (document-request.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "Over `kredo.document-requests.max-file-size` (docrequest.file-too-large)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "multipart/form-data", schema = @Schema(implementation = AnswerForm.class)))
	RequestResource answer(@PathVariable UUID id,
			@Parameter(hidden = true) @RequestParam(required = false) MultipartFile file) throws IOException {
		requests.get(current.id(), id);
		try {
			return resource(requests.answer(current.id(), id, null, Upload.of(file)), true);
		}
		catch (InvalidFields invalid) {
			// A file over the limit is 413, as every upload of the API answers it.
			if (invalid.errors().get("file") instanceof TooLarge tooLarge) {
				throw tooLarge;
			}
			throw invalid;
		}
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline an open request with a reason the debtor reads; the debtor is told",
			description = "JSON `{\"reason\": \"…\"}`, required, at most `kredo.document-requests.max-comment-length` "
					+ "characters.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "decline", value = """
					{"reason":"Уведомление об уступке направлялось вам почтой 12.03.2025; копию выдаёт банк-цедент."}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "declined", value = """
					{"id":"6f1c2e0a-8d7b-4a51-9d7e-2b1f0c9a4e11","type":"NOTICE_OF_ASSIGNMENT","state":"DECLINED",
					"closedAt":"2026-12-07T09:02:00Z","declineReason":"Уведомление направлялось вам почтой 12.03.2025."}""")))
	@ApiResponse(responseCode = "400", description = "No reason or too long (`errors`: reason "
			+ "docrequest.reason-required, docrequest.reason-too-long), or no longer open (docrequest.not-open)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (document-request.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	RequestResource decline(@PathVariable UUID id, @RequestBody(required = false) DeclineRequest body) {
		requests.get(current.id(), id);
		return resource(requests.decline(current.id(), id, null, body == null ? null : body.reason()), true);
	}

	private RequestResource resource(DocumentRequest r, boolean withComment) {
		FirstReply.Due due = requests.due(r);
		return new RequestResource(r.id(), r.contactId().value(), r.debtorName(), r.debtId().value(), r.contractNumber(),
				r.type(), withComment ? r.comment() : null, r.state(), r.createdAt(), due == null ? null : due.dueAt(),
				due != null && due.overdue(), r.closedAt(), r.declineReason(), r.documentId());
	}

	/**
	 * A request as the API shows it.
	 *
	 * @param comment the debtor's comment ({@code ""}: none); only when one request is read
	 * @param dueAt when an open request is due an answer in the agency's working time; {@code null} once closed
	 * @param documentId the answer, one of the debtor's documents; {@code null} unless answered
	 */
	record RequestResource(UUID id, UUID debtorId, String debtorName, UUID debtId, String contractNumber,
			DocumentType type, String comment, RequestState state, Instant createdAt, Instant dueAt, boolean overdue,
			Instant closedAt, String declineReason, UUID documentId) {
	}

	record DeclineRequest(@Schema(description = "why there will be no document; the debtor reads it",
			example = "Копию уведомления выдаёт банк-цедент") String reason) {
	}

	/** The answer's form, for the OpenAPI description: one part, the PDF. */
	record AnswerForm(@Schema(description = "the PDF, checked by its content", type = "string", format = "binary",
			requiredMode = Schema.RequiredMode.REQUIRED) String file) {
	}

}
