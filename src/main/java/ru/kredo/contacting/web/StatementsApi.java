package ru.kredo.contacting.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
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
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacting.ContactStatement;
import ru.kredo.contacting.ContactStatements;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.NotAllowed;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.CurrentTenant;

/**
 * Debtors' statements under ст. 8 230-ФЗ (a refusal of interaction, a representative) by API (issue 15, every page
 * action has an API counterpart; docs/contact-rules.md «By API»), as the inbox's «Заявления о взаимодействии»: the
 * list, waiting first; one statement (audited as a view of personal data); confirmed or declined with a reason. The
 * same {@link ContactStatements} calls as the page, so the same bar, audit (naming the key) and answer to the debtor;
 * the one who decided is the admin who issued the key, and a key no admin issued (the command line's) is refused
 * ({@code statement.key-without-user}, 403). Collection agencies only; another agency's statement is a 404.
 */
@RestController
@RequestMapping("/api/v1/statements")
@Tag(name = "Contact statements", description = "Collection agencies: debtors' statements under ст. 8 230-ФЗ from the "
		+ "cabinet — a refusal of interaction, a representative — confirmed or declined")
class StatementsApi {

	private static final int MAX_LIMIT = 1000;
	private static final String PROBLEM = "application/problem+json";
	private static final String JSON = "application/json";
	private static final String EXAMPLE = """
			{"id":"4b3a2c1d-6e5f-4a7b-8c9d-0e1f2a3b4c5d","debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c",\
			"debtorName":"Иванов Иван Иванович","kind":"REPRESENTATIVE","state":"SUBMITTED",\
			"representative":{"name":"Петров Пётр Петрович","phone":"+79161234567",\
			"address":"г. Москва, ул. Тверская, д. 1, кв. 2","email":"petrov@advokat.ru"},\
			"fileName":"zayavlenie.pdf","contentType":"application/pdf","size":48213,\
			"createdAt":"2026-12-07T09:02:00Z","answeredAt":null,"declineReason":null,"withdrawnAt":null}""";
	private static final String LISTED = """
			{"items":[{"id":"4b3a2c1d-6e5f-4a7b-8c9d-0e1f2a3b4c5d","debtorId":"0b5a7c1e-3f2d-4e6a-8b9c-1d2e3f4a5b6c",\
			"debtorName":"Иванов Иван Иванович","kind":"REFUSAL","state":"SUBMITTED","representative":null,\
			"fileName":"otkaz.pdf","contentType":"application/pdf","size":48213,"createdAt":"2026-12-07T09:02:00Z",\
			"answeredAt":null,"declineReason":null,"withdrawnAt":null}],"total":1,"totalIsEstimate":false,\
			"nextCursor":null}""";
	private static final String NOT_FOUND = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Заявление не найдено.",\
			"code":"statement.not-found"}""";
	private static final String NOT_WAITING = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"На это заявление уже ответили или его отозвали.","code":"statement.not-waiting"}""";
	private static final String NO_USER = """
			{"type":"about:blank","title":"Доступ запрещён","status":403,\
			"detail":"Ответить на заявление может только ключ, который выпустил администратор агентства: ключ командной строки никому не принадлежит.",\
			"code":"statement.key-without-user"}""";
	private static final String NO_REASON = """
			{"type":"about:blank","title":"Неверный запрос","status":400,"code":"request.invalid-fields",\
			"detail":"Некоторые поля заполнены неверно; см. errors.","errors":[{"field":"reason",\
			"code":"statement.reason-required","message":"Напишите причину: должник её прочитает."}]}""";

	private final ContactStatements statements;
	private final CurrentTenant current;
	private final AuditLog audit;

	StatementsApi(ContactStatements statements, CurrentTenant current, AuditLog audit) {
		this.statements = statements;
		this.current = current;
		this.audit = audit;
	}

	/** Which statements to list: those waiting for an answer, or all. */
	enum Filter {
		WAITING, ALL
	}

	record RepresentativeResource(String name, String phone, String address, String email) {
	}

	/** {@code representative}: only in one statement's answer (the list leaves it out), and only for REPRESENTATIVE. */
	record StatementResource(UUID id, UUID debtorId, String debtorName, String kind, String state,
			RepresentativeResource representative, String fileName, String contentType, int size, Instant createdAt,
			Instant answeredAt, String declineReason, Instant withdrawnAt) {

		static StatementResource of(ContactStatement s, boolean whole) {
			ContactStatement.Representative r = whole ? s.representative() : null;
			return new StatementResource(s.id(), s.contactId().value(), s.debtorName(), s.kind().name(),
					s.state().name(), r == null ? null : new RepresentativeResource(r.name(), r.phone(), r.address(),
							r.email()),
					s.fileName(), s.contentType(), s.size(), s.createdAt(), s.answeredAt(), s.declineReason(),
					s.withdrawnAt());
		}
	}

	@GetMapping
	@Operation(summary = "The debtors' statements, waiting ones first, newest first",
			description = "`state`: WAITING (the default, as the inbox's page) or ALL (the waiting ones, then the "
					+ "confirmed, declined and withdrawn). `kind`: REFUSAL (a refusal of interaction) or REPRESENTATIVE "
					+ "(interaction only through his representative); `state`: SUBMITTED, CONFIRMED, DECLINED, "
					+ "WITHDRAWN. A page of at most `limit` (default 100, at most 1000): `items`, `total`, "
					+ "`nextCursor` — pass it back as `cursor`; `null` is the last page; a statement made or answered "
					+ "meanwhile shifts no row (`offset` still works for the first page; docs/api-lists.md). The "
					+ "representative's details are not listed: read one statement.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "waiting", value = LISTED)))
	ApiList<StatementResource> list(@RequestParam(defaultValue = "WAITING") Filter state,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		return statements.list(current.id(), state == Filter.WAITING, Keyset.decode(cursor, ContactStatements.ORDER),
				paging.offset(), paging.limit())
			.map(s -> StatementResource.of(s, false));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One statement with the representative's details (audited as a view of personal data)",
			description = "The signed file itself is on the inbox's page (`/inbox/statements/{id}/file`).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "a representative", value = EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's statement (statement.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	StatementResource one(@PathVariable UUID id) {
		ContactStatement statement = statements.get(current.id(), id);
		audit.recordAbout(statement.contactId().value(), AuditAction.PERSONAL_DATA_VIEWED, "contact-statement", id,
				"api;contact-statement");
		return StatementResource.of(statement, true);
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm a waiting statement: its bar stands from now and the debtor is told",
			description = "As «Подтвердить» on the inbox's page (docs/contact-rules.md): a refusal stops every "
					+ "collection contact; a representative's gets every contact from now on. The one who confirmed "
					+ "is the admin who issued the key; audited (CONTACT_STATEMENT_CONFIRMED) as the key's. No body.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "confirmed", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Answered or withdrawn already (statement.not-waiting)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "answered", value = NOT_WAITING)))
	@ApiResponse(responseCode = "403", description = "A key no admin issued, the command line's "
			+ "(statement.key-without-user)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "no admin", value = NO_USER)))
	@ApiResponse(responseCode = "404", description = "Not this agency's statement (statement.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	StatementResource confirm(@PathVariable UUID id) {
		statements.get(current.id(), id);
		UUID decider = decider();
		return StatementResource.of(statements.confirm(current.id(), id, decider, AuditActor.of(current.actor())),
				true);
	}

	/** The page's field: the reason the debtor reads. */
	record DeclineBody(String reason) {
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline a waiting statement with a reason the debtor reads in his cabinet",
			description = "As «Отклонить» on the inbox's page: `reason` is required, at most 2000 characters. No bar "
					+ "is marked; the debtor is told. The one who declined is the admin who issued the key; audited "
					+ "(CONTACT_STATEMENT_DECLINED) as the key's.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "no file signed", value = """
					{"reason":"К заявлению не приложена подпись представителя. Пришлите подписанное заявление."}""")))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "declined", value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No reason or one too long (`errors`: reason "
			+ "statement.reason-required, statement.reason-too-long), or answered or withdrawn already "
			+ "(statement.not-waiting)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "no reason", value = NO_REASON)))
	@ApiResponse(responseCode = "403", description = "A key no admin issued, the command line's "
			+ "(statement.key-without-user)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "no admin", value = NO_USER)))
	@ApiResponse(responseCode = "404", description = "Not this agency's statement (statement.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	StatementResource decline(@PathVariable UUID id, @RequestBody(required = false) DeclineBody body) {
		statements.get(current.id(), id);
		UUID decider = decider();
		String reason = body == null || body.reason() == null ? "" : body.reason();
		return StatementResource.of(statements.decline(current.id(), id, reason, decider,
				AuditActor.of(current.actor())), true);
	}

	/** The admin who issued the key: the statement's answer names a person, which a command line's key is not. */
	private UUID decider() {
		Actor actor = current.actor();
		if (actor.actingUserId() == null) {
			throw new NotAllowed("statement.key-without-user");
		}
		return actor.actingUserId();
	}
}
