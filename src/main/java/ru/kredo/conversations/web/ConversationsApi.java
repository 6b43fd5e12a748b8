package ru.kredo.conversations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.accounts.UserId;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contacts;
import ru.kredo.conversations.Attachment;
import ru.kredo.conversations.AttachmentFile;
import ru.kredo.conversations.AttachmentId;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationFilter;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.InboxLine;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The agency's conversations for its own software (collection agencies only, {@code docs/conversations.md}, «API»):
 * the inbox's list with its filters, one conversation with its messages a page at a time, an answer as the agency
 * (with a file or without), an internal note, and the files. An answer here is the inbox's answer
 * ({@link Conversations#reply}): the same checks, unread counts, live pages, away-debtor notice and first-reply clock;
 * the debtor sees it as the agency's, staff see the API key that wrote it. Reading a conversation or a file is audited
 * as the inbox's pages are.
 */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Collection agencies: the debtors' conversations — read, answer as the "
		+ "agency, internal notes, files, assign")
class ConversationsApi {

	static final int MAX_LIMIT = 200;
	static final int MAX_MESSAGES = 500;

	private static final String PROBLEM = "application/problem+json";
	private static final String LIST_EXAMPLE = """
			{"items":[{"id":"0f9d6c1e-3b0a-4c55-9e1c-5b7c2d1f8a10","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","assigneeId":null,"assigneeName":null,
			"createdAt":"2026-12-01T09:12:00Z","lastMessageAt":"2026-12-06T08:40:00Z",
			"waitingSince":"2026-12-06T08:40:00Z","staffUnread":2,"debtorUnread":0}],
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";
	private static final String CONVERSATION_EXAMPLE = """
			{"id":"0f9d6c1e-3b0a-4c55-9e1c-5b7c2d1f8a10","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","assigneeId":null,"assigneeName":null,
			"createdAt":"2026-12-01T09:12:00Z","lastMessageAt":"2026-12-06T08:40:00Z",
			"waitingSince":"2026-12-06T08:40:00Z","staffUnread":2,"debtorUnread":0,
			"messages":[{"id":41,"author":"DEBTOR","writtenBy":null,"userId":null,"text":"Можно отсрочку до 15-го?",
			"at":"2026-12-06T08:40:00Z","attachments":[{"id":"5c2e9b1a-7d3f-4e8a-b6c1-0a9f8e7d6c5b",
			"fileName":"справка.pdf","type":"PDF","mediaType":"application/pdf","size":48213,
			"href":"/api/v1/conversations/0f9d6c1e-3b0a-4c55-9e1c-5b7c2d1f8a10/attachments/5c2e9b1a-7d3f-4e8a-b6c1-0a9f8e7d6c5b"}]}],
			"nextAfter":null}""";
	private static final String MESSAGE_EXAMPLE = """
			{"id":42,"author":"AGENCY","writtenBy":"API: Контакт-центр","userId":null,
			"text":"Да, до 15-го можно. Пришлите справку.","at":"2026-12-06T09:05:00Z","attachments":[]}""";
	private static final String NOTE_EXAMPLE = """
			{"id":43,"author":"NOTE","writtenBy":"API: Контакт-центр","userId":null,
			"text":"Обещал оплатить 15-го","at":"2026-12-06T09:06:00Z","attachments":[]}""";
	private static final String ASSIGNED_EXAMPLE = """
			{"id":"0f9d6c1e-3b0a-4c55-9e1c-5b7c2d1f8a10","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","assigneeId":"3f2b8a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
			"assigneeName":"Анна Петрова","createdAt":"2026-12-01T09:12:00Z","lastMessageAt":"2026-12-06T08:40:00Z",
			"waitingSince":"2026-12-06T08:40:00Z","staffUnread":2,"debtorUnread":0}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Переписка не найдена.",
			"code":"conversation.not-found"}""";
	private static final String REFUSED_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Этот файл не принят: подходят только PDF, JPEG и PNG (проверяется содержимое файла, а не его имя).",
			"code":"chat.attachment-type"}""";

	private final Conversations conversations;
	private final Contacts contacts;
	private final CurrentTenant current;
	private final AuditLog audit;

	ConversationsApi(Conversations conversations, Contacts contacts, CurrentTenant current, AuditLog audit) {
		this.conversations = conversations;
		this.contacts = contacts;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's conversations, as the inbox lists them: waiting ones first (the longest "
			+ "waiting first), then the latest", description = """
			Every filter given narrows the list: `unread` (messages of the debtor the agency has not read), `waiting` \
			(the debtor waits for an answer), `overdue=true` (waiting past the first-reply target in the agency's \
			working hours), `assigned` (to someone or to no one), `assignee` (a user's id). A page of at most \
			`limit` (default 100, at most 200): `items`, `total` (how many match), `nextCursor` — pass it back as \
			`cursor`; `null` is the last page; a conversation that comes or goes meanwhile shifts no row (`offset` still works for the first page; docs/api-lists.md). Not audited, as the inbox's list is not; it has no message text.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "waiting", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A malformed filter (request.parameter-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<ConversationLine> list(@RequestParam(required = false) Boolean unread, @RequestParam(required = false) Boolean waiting,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Boolean assigned,
			@RequestParam(required = false) UUID assignee, @io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		return conversations.list(current.id(), new ConversationFilter(unread, waiting, overdue, assigned,
				assignee == null ? null : new UserId(assignee)), Keyset.decode(cursor, Conversations.ORDER),
				paging.offset(), paging.limit())
			.map(ConversationLine::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One conversation with its messages, oldest first, a page at a time; 404 if not this agency's",
			description = """
			Messages after the id `after` (0: from the first), at most `limit` (default 100, at most 500); \
			`nextAfter` is the `after` of the next page (`null` when none is left). Internal notes are included \
			(`author` NOTE; the debtor never sees them). `author` is DEBTOR or AGENCY (an operator's answer or one \
			sent through the API; `writtenBy` names the operator or the API key). Each call is audited as a view of \
			personal data. Reading does not mark the debtor's messages read: `POST …/read` does.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "conversation", value = CONVERSATION_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ConversationResource one(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		int bounded = Math.clamp(limit, 1, MAX_MESSAGES);
		// One more than asked says whether a next page exists.
		List<Message> messages = conversations.after(current.id(), conversation.id(), Math.max(0, after), true,
				bounded + 1);
		audit.recordAbout(conversation.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "conversation",
				conversation.id(), "api;conversation");
		List<Message> shown = messages.size() > bounded ? messages.subList(0, bounded) : messages;
		return ConversationResource.of(new InboxLine(conversation,
				contacts.name(current.id(), conversation.contactId()).display(), null), shown,
				messages.size() > bounded ? shown.getLast().id() : null);
	}

	@PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer the debtor as the agency (text only)", description = """
			The debtor sees it as the agency's answer, in his cabinet's chat at once (live), with one more unread, and \
			is texted a link if he is away; the conversation stops waiting (the first-reply target is met). Staff see \
			the API key as its writer. `text`: up to `kredo.conversations.max-message-length` characters, no control \
			characters (chat.message-empty, chat.message-too-long). With a file: send multipart/form-data.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "answered", value = MESSAGE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "An empty or too long text (`code` says which)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	// Both bodies of this path (this text and replyWithFile's parts) are declared here: springdoc joins the two handlers
	// into one operation and keeps one handler's declared body, which had left multipart/form-data out.
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
		@Content(mediaType = "application/json", examples = @ExampleObject(name = "an answer",
				value = "{\"text\":\"Да, до 15-го можно. Пришлите справку.\"}")),
		@Content(mediaType = "multipart/form-data", schemaProperties = {
			@io.swagger.v3.oas.annotations.media.SchemaProperty(name = "text", schema = @Schema(type = "string")),
			@io.swagger.v3.oas.annotations.media.SchemaProperty(name = "file",
					schema = @Schema(type = "string", format = "binary")) }) })
	MessageResource reply(@PathVariable UUID id, @RequestBody(required = false) TextRequest request) {
		return posted(conversations.reply(current.id(), new ConversationId(id), current.actor(),
				request == null ? null : request.text(), null));
	}

	@PostMapping(path = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer the debtor as the agency with a file", description = """
			Parts `file` (a PDF, JPEG or PNG, told by its content, not its name or stated type; up to \
			`kredo.conversations.max-attachment-size`) and `text` (optional with a file). Checked and stored sealed \
			exactly as the inbox's answer; the debtor downloads the file from his chat.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "answered", value = MESSAGE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A file that is not a PDF, JPEG or PNG (chat.attachment-type), an "
			+ "empty one (chat.attachment-empty), a text too long", content = @Content(mediaType = PROBLEM,
					examples = @ExampleObject(name = "not a PDF, JPEG or PNG", value = REFUSED_EXAMPLE)))
	@ApiResponse(responseCode = "413", description = "A file over the limit (chat.attachment-too-large)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	MessageResource replyWithFile(@PathVariable UUID id,
			@Parameter(description = "The answer's text (optional with a file)") @RequestParam(defaultValue = "") String text,
			@Parameter(description = "A PDF, JPEG or PNG") @RequestParam(required = false) MultipartFile file)
			throws IOException {
		return posted(conversations.reply(current.id(), new ConversationId(id), current.actor(), text, Upload.of(file)));
	}

	@PostMapping(path = "/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "An internal note: staff see it in the conversation, the debtor never does",
			description = "It answers nothing: the conversation keeps waiting. Same text rules as an answer.")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "noted", value = NOTE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "An empty or too long text (`code` says which)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "a note", value = "{\"text\":\"Обещал оплатить 15-го\"}")))
	MessageResource note(@PathVariable UUID id, @RequestBody(required = false) TextRequest request) {
		return posted(conversations.note(current.id(), new ConversationId(id), current.actor(),
				request == null ? null : request.text()));
	}

	/** The message as written, read back as staff see it (with its writer's name). */
	private MessageResource posted(Message message) {
		return MessageResource.of(conversations.message(current.id(), message.conversationId(), message.id(), true)
			.orElse(message));
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark the debtor's messages read by the agency (as opening it in the inbox does)")
	@ApiResponse(responseCode = "204", description = "Read")
	@ApiResponse(responseCode = "404", description = "Not this agency's (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	void read(@PathVariable UUID id) {
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		conversations.readByStaff(current.id(), conversation.id());
	}

	@PutMapping("/{id}/assignee")
	@Operation(summary = "Assign the conversation to one of the agency's users, or to no one (`userId` null), as the "
			+ "inbox's «Взять себе» and «Назначить» do", description = """
			`userId`: a user of this agency (user.not-found in `errors` otherwise), or null to leave it to no one. \
			Answers the conversation as the list shows it, with its assignee.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "assigned", value = ASSIGNED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not a user of this agency (`errors`: userId user.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (conversation.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ConversationLine assign(@PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					examples = @ExampleObject(name = "to a user",
							value = "{\"userId\":\"3f2b8a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}"))) @RequestBody(
									required = false) Assignee body) {
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		UserId to = body == null || body.userId() == null ? null : new UserId(body.userId());
		Conversation assigned;
		try {
			assigned = conversations.assign(current.id(), conversation.id(), to);
		}
		catch (NotFound unknown) {
			throw new InvalidFields(java.util.Map.of("userId", new Rejected("user.not-found")));
		}
		return conversations.line(current.id(), assigned).map(ConversationLine::of).orElseThrow();
	}

	/** @param userId a user of the agency, or null for no one */
	record Assignee(UUID userId) {
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "A file of the conversation (the debtor's, an answer's or a note's), as it was sent",
			description = "404 unless the file is in this conversation of this agency. Audited as a view of personal data.")
	@ApiResponse(responseCode = "200", description = "The file, with its type and name",
			content = { @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "404", description = "No such file in this conversation (attachment.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = """
					{"type":"about:blank","title":"Не найдено","status":404,"detail":"Файл не найден.",
					"code":"attachment.not-found"}""")))
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		AttachmentFile file = conversations.attachment(current.id(), new AttachmentId(attachmentId));
		if (!file.conversationId().equals(conversation.id())) {
			throw new NotFound("attachment.not-found", attachmentId);
		}
		audit.recordAbout(conversation.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "conversation",
				conversation.id(), "api;attachment;" + attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}

	/** @param text the message */
	record TextRequest(String text) {
	}

	/**
	 * @param waitingSince when the debtor's oldest unanswered message was written; {@code null} when nobody waits
	 * @param staffUnread the debtor's messages the agency has not read
	 * @param debtorUnread the agency's answers the debtor has not read
	 */
	record ConversationLine(UUID id, UUID contactId, String debtorName, UUID assigneeId, String assigneeName,
			Instant createdAt, Instant lastMessageAt, Instant waitingSince, int staffUnread, int debtorUnread) {

		static ConversationLine of(InboxLine line) {
			Conversation c = line.conversation();
			return new ConversationLine(c.id().value(), c.contactId().value(), line.debtorName(),
					c.assignee() == null ? null : c.assignee().value(), line.assigneeName(), c.createdAt(),
					c.lastMessageAt(), c.waitingSince(), c.staffUnread(), c.debtorUnread());
		}
	}

	/** @param nextAfter the {@code after} of the next page of messages; {@code null} when none is left */
	record ConversationResource(UUID id, UUID contactId, String debtorName, UUID assigneeId, Instant createdAt,
			Instant lastMessageAt, Instant waitingSince, int staffUnread, int debtorUnread,
			List<MessageResource> messages, Long nextAfter) {

		static ConversationResource of(InboxLine line, List<Message> messages, Long nextAfter) {
			Conversation c = line.conversation();
			return new ConversationResource(c.id().value(), c.contactId().value(), line.debtorName(),
					c.assignee() == null ? null : c.assignee().value(), c.createdAt(), c.lastMessageAt(),
					c.waitingSince(), c.staffUnread(), c.debtorUnread(),
					messages.stream().map(MessageResource::of).toList(), nextAfter);
		}
	}

	/**
	 * @param author {@code DEBTOR}, {@code AGENCY} (an answer the debtor sees as the agency's) or {@code NOTE}
	 *        (internal)
	 * @param writtenBy for staff: the operator's name, or {@code API: <key name>}; {@code null} for the debtor's
	 * @param userId the operator who wrote it; {@code null} for the debtor's and the API's
	 */
	record MessageResource(long id, String author, String writtenBy, UUID userId, String text, Instant at,
			List<AttachmentResource> attachments) {

		static MessageResource of(Message m) {
			String author = m.author() == Author.OPERATOR ? "AGENCY" : m.author().name();
			return new MessageResource(m.id(), author, m.operatorName(), m.userId() == null ? null : m.userId().value(),
					m.text(), m.at(), m.attachments().stream()
						.map(a -> AttachmentResource.of(m.conversationId(), a)).toList());
		}
	}

	/** @param href where to download it with the same key */
	record AttachmentResource(UUID id, String fileName, String type, String mediaType, int size, String href) {

		static AttachmentResource of(ConversationId conversation, Attachment a) {
			return new AttachmentResource(a.id().value(), a.fileName(), a.type().name(), a.type().mediaType(), a.size(),
					"/api/v1/conversations/" + conversation.value() + "/attachments/" + a.id().value());
		}
	}
}
