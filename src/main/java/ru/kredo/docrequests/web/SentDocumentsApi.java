package ru.kredo.docrequests.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Upload;
import ru.kredo.docrequests.DebtorDocument;
import ru.kredo.docrequests.DebtorDocuments;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.TooLarge;
import ru.kredo.tenancy.CurrentTenant;

/**
 * «Отправить документ» of the inbox's conversation ({@code POST /inbox/{id}/document}) for the agency's own software
 * (issue 15, «The API, both halves»; {@code docs/conversations.md}, «Documents on request»): a PDF with a title, sent
 * through the same {@link DebtorDocuments#send}, so the same checks (a PDF by its content, not empty, within
 * {@code kredo.document-requests.max-file-size}, a title) with the same codes, and the same result: one of the
 * debtor's documents in his cabinet's «Документы» and the agency's message in his chat with the file, written by the
 * key, audited. The body is bounded before it is read ({@link DocumentBodyLimit}).
 */
@RestController
@Tag(name = "Conversations", description = "Collection agencies: the debtors' conversations — read, answer as the "
		+ "agency, internal notes, files, assign")
class SentDocumentsApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String SENT_EXAMPLE = """
			{"id":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f","conversationId":"0f9d6c1e-3b0a-4c55-9e1c-5b7c2d1f8a10",
			"contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31","title":"Расчёт задолженности на 07.12.2026",
			"fileName":"расчёт.pdf","size":48213,"sentAt":"2026-12-07T09:10:00Z"}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,"code":"request.invalid-fields",\
			"detail":"Некоторые поля заполнены неверно; см. errors.","errors":[{"field":"title",\
			"code":"docrequest.title-required","message":"Назовите документ."},{"field":"file",\
			"code":"docrequest.file-not-pdf","message":"Нужен PDF: проверяется содержимое файла, а не его имя."}]}""";
	private static final String TOO_LARGE_EXAMPLE = """
			{"type":"about:blank","title":"Слишком большой запрос","status":413,\
			"detail":"Файл слишком большой: не больше 10 МБ.","code":"docrequest.file-too-large"}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Переписка не найдена.",\
			"code":"conversation.not-found"}""";

	private final Conversations conversations;
	private final DebtorDocuments documents;
	private final CurrentTenant current;

	SentDocumentsApi(Conversations conversations, DebtorDocuments documents, CurrentTenant current) {
		this.conversations = conversations;
		this.documents = documents;
		this.current = current;
	}

	@PostMapping("/api/v1/conversations/{id}/documents")
	@Operation(summary = "Send the debtor a PDF with a title into the conversation, as the inbox's «Отправить документ» "
			+ "does", description = """
			multipart/form-data: `title` (required, up to `kredo.document-requests.max-title-length` characters, no \
			control characters) and `file` (a PDF by its content, not its name or stated type; not empty; up to \
			`kredo.document-requests.max-file-size`). It becomes one of the debtor's documents («Документы» in his \
			cabinet) and the agency's message in his chat with the file, written by this key (staff see «API: <key>»; \
			the debtor is told as of any answer; the conversation stops waiting). Every wrong field is named at once \
			in `errors`; a file over the limit is a 413. Audited as DOCUMENT_SENT. Example: `curl -H "Authorization: \
			Bearer $KEY" -F title='Расчёт задолженности' -F file=@calc.pdf …/api/v1/conversations/{id}/documents`""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "sent", value = SENT_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`: title docrequest.title-required, "
			+ "docrequest.title-too-long, request.control-character; file docrequest.file-required, "
			+ "docrequest.file-empty, docrequest.file-not-pdf", content = @Content(mediaType = PROBLEM,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "no title, not a PDF", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's conversation (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	@ApiResponse(responseCode = "413", description = "A file over `kredo.document-requests.max-file-size` "
			+ "(docrequest.file-too-large), or a body over the form's bound, refused before it is read",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "too large", value = TOO_LARGE_EXAMPLE)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = "multipart/form-data", schema = @Schema(implementation = DocumentForm.class)))
	ResponseEntity<SentDocument> send(@PathVariable UUID id,
			@Parameter(hidden = true) @RequestParam(defaultValue = "") String title,
			@Parameter(hidden = true) @RequestParam(required = false) MultipartFile file) throws IOException {
		// Another agency's conversation is a 404 before the file is looked at.
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		DebtorDocument sent;
		try {
			sent = documents.send(current.id(), conversation.id(), current.actor(), title, Upload.of(file));
		}
		catch (InvalidFields invalid) {
			// A file over the limit is 413, as every upload of the API answers it.
			if (invalid.errors().get("file") instanceof TooLarge tooLarge) {
				throw tooLarge;
			}
			throw invalid;
		}
		return ResponseEntity.created(URI.create("/api/v1/conversations/" + id))
			.body(new SentDocument(sent.id(), id, sent.contactId().value(), sent.title(), sent.fileName(), sent.size(),
					sent.createdAt()));
	}

	/**
	 * A document sent.
	 *
	 * @param id the debtor's document (as {@code documentId} of an answered request names one)
	 * @param fileName the file's name as kept (cleaned; {@code .pdf})
	 * @param sentAt when it was sent: the chat's message has the same time
	 */
	record SentDocument(UUID id, UUID conversationId, UUID contactId, String title, String fileName, int size,
			Instant sentAt) {
	}

	/** The form, for the OpenAPI description: a title and the PDF. */
	record DocumentForm(
			@Schema(description = "what the debtor sees the document called", example = "Расчёт задолженности",
					requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(description = "the PDF, checked by its content", type = "string", format = "binary",
					requiredMode = Schema.RequiredMode.REQUIRED) String file) {
	}
}
