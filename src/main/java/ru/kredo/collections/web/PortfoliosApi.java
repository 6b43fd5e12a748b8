package ru.kredo.collections.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.internal.PortfolioDefaults;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImporting;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.collections.internal.PortfolioOverview;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Problems;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ErrorReport;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tabular.RowError;
import ru.kredo.tenancy.CurrentTenant;

/**
 * A collection agency's registries over the API (issue 15, {@code docs/portfolio-import.md} «The API»), as on the
 * «Реестры и загрузка» page: its portfolios, one made by name, a registry file uploaded into one and imported in the
 * background (202 and where to poll), the upload's progress and its rejected rows. The same file, the same limits
 * and the same import as the page's.
 */
@RestController
@RequestMapping("/api/v1/portfolios")
@Tag(name = "Portfolios", description = "Collection agencies: debt registries — portfolios, uploads of a registry "
		+ "(CSV or XLSX) into one, their progress and rejected rows")
class PortfoliosApi {

	static final int MAX_LIMIT = 200;
	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final String PROBLEM = "application/problem+json";
	private static final int MAX_FILE_NAME = 200;
	private static final String UPLOAD = "Upload a registry (CSV or XLSX) into the portfolio";
	private static final String UPLOAD_DESCRIPTION = """
			The same file the «Реестры и загрузка» page takes (docs/portfolio-import.md): either the part «file» of a \
			multipart form, or the whole body with `Content-Type: text/csv` or the XLSX type (then `fileName` names \
			it). `creditor` (the original creditor of rows without their own) and `assignmentDate` (YYYY-MM-DD) are \
			form fields or query parameters. The file is checked at once (size up to `kredo.portfolios.max-file-size`, \
			format, header: ФИО, date of birth, contract number and date, creditor, an amount), then imported in the \
			background: 202 with the upload and the `Location` to poll. Every limit of the page holds (rows, cells, \
			time, a workbook's decompression: `kredo.imports.*`); one hit while reading stops the upload as FAILED \
			with its `failure.code`, the rows before kept. A wrong row does not stop the upload: it is counted in \
			`rejected` and listed with its line at `errorsUrl`. A column «ID» («Внешний ID», «ID долга», «Номер в \
			реестре»…) is the debt's `externalId`: a debt uploaded again with the same id is updated, not added.""";
	private static final String PORTFOLIO_EXAMPLE = """
			{"id":"3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","name":"Цессия ПАО «Банк», ноябрь","createdAt":\
			"2026-11-02T09:00:00Z","debts":1200,"open":1150,"debtors":1100,"balance":"45000000.00","latestUpload":null}""";
	private static final String UPLOAD_EXAMPLE = """
			{"id":"7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a","portfolioId":"3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",\
			"portfolioName":"Цессия ПАО «Банк», ноябрь","fileName":"registry.xlsx","fileSize":482133,"state":"DONE",\
			"percent":100,"rowsRead":1203,"created":1190,"updated":10,"rejected":2,"keptWithNote":4,"skipped":1,\
			"debtors":1100,"failure":null,"startedAt":"2026-12-06T10:00:00Z","finishedAt":"2026-12-06T10:00:41Z",\
			"errorsUrl":"/api/v1/portfolios/3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/uploads/7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a/errors"}""";
	private static final String ERRORS_EXAMPLE = """
			{"items":[{"line":14,"column":"Дата рождения","code":"person.birth-date-invalid",\
			"message":"Дата рождения не читается: нужна ДД.ММ.ГГГГ или ГГГГ-ММ-ДД."},{"line":15,"column":"ID",\
			"code":"portfolio.external-id-repeated","message":"Этот ID уже был в строке 3."}],"total":2,"totalIsEstimate":false,\
			"nextCursor":null}""";
	private static final String TOO_LARGE_EXAMPLE = """
			{"type":"about:blank","title":"Слишком большой запрос","status":413,\
			"detail":"Файл больше 50 МБ.","code":"import.file-too-large"}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Реестр не найден.",\
			"code":"portfolio.not-found"}""";

	private final PortfolioImports imports;
	private final PortfolioImporting importing;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final Problems problems;
	private final org.springframework.context.MessageSource messages;

	PortfoliosApi(PortfolioImports imports, PortfolioImporting importing, CurrentTenant current, AuditLog audit,
			Problems problems, org.springframework.context.MessageSource messages) {
		this.imports = imports;
		this.importing = importing;
		this.current = current;
		this.audit = audit;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The agency's portfolios with their counts and latest upload, in the order they were made",
			description = "Pass `nextCursor` back as `cursor` for the next page (`null`: the last one); `limit` up to "
					+ "200 (100 by default); `total` is how many portfolios the agency has.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "portfolios", value = "{\"items\":[" + PORTFOLIO_EXAMPLE + "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}")))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<PortfolioResource> list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit,
			HttpServletRequest request) {
		int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
		List<PortfolioOverview> rows = imports.portfoliosAfter(current.id(), Cursor.decode(cursor), bounded + 1);
		boolean more = rows.size() > bounded;
		List<PortfolioOverview> page = more ? rows.subList(0, bounded) : rows;
		String next = more ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
		return ApiList.of(page.stream().map(p -> resource(p, request)).toList(), imports.count(current.id()), next);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make a portfolio by name, as the page's first upload under a name does", description = """
			`name` up to 200 characters (spaces collapsed). A name the agency already has answers that portfolio \
			(200) rather than a second one, as uploading under the same name on the page updates it; a new one is \
			201 with its `Location`.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "new", value = "{\"name\":\"Цессия ПАО «Банк», ноябрь\"}")))
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "made", value = PORTFOLIO_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No name or one too long (`errors`: name portfolio.name-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<PortfolioResource> create(@RequestBody(required = false) NewPortfolio body, HttpServletRequest request) {
		String name = body == null ? null : body.name();
		PortfolioImports.Named named;
		try {
			named = imports.create(current.id(), name);
		}
		catch (Rejected rejected) {
			throw new InvalidFields(java.util.Map.of("name", rejected));
		}
		PortfolioResource resource = resource(named.portfolio(), request);
		if (!named.created()) {
			return ResponseEntity.ok(resource);
		}
		audit.record(AuditAction.PORTFOLIO_IMPORTED, "portfolio", named.portfolio().id(), "api;created");
		return ResponseEntity.created(URI.create("/api/v1/portfolios/" + named.portfolio().id())).body(resource);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One portfolio with its counts and latest upload; 404 if not this agency's")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "portfolio", value = PORTFOLIO_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	PortfolioResource one(@PathVariable UUID id, HttpServletRequest request) {
		return resource(imports.portfolio(current.id(), id), request);
	}

	@PostMapping(path = "/{id}/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = UPLOAD, description = UPLOAD_DESCRIPTION)
	@ApiResponse(responseCode = "202", description = "Accepted: poll the `Location` until `state` is no longer RUNNING",
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "accepted",
					value = UPLOAD_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No file, an empty one, a format other than CSV or XLSX, a "
			+ "workbook too complex to open (import.file-too-complex), a header without the registry's columns "
			+ "(portfolio.contract-column-missing…), an upload already running into the portfolio "
			+ "(portfolio.import-running), or wrong fields (listed in `errors`)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	@ApiResponse(responseCode = "413", description = "Over `kredo.portfolios.max-file-size` (import.file-too-large)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "too large", value = TOO_LARGE_EXAMPLE)))
	@ApiResponse(responseCode = "507", description = "The server's disk had no room for the file: nothing of it was kept; "
			+ "send it again later (import.disk-full)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<UploadResource> upload(@PathVariable UUID id,
			@Parameter(description = "Original creditor of rows without their own") @RequestParam(required = false) String creditor,
			@Parameter(description = "Assignment date of rows without their own, YYYY-MM-DD") @RequestParam(
					required = false) String assignmentDate,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest request) throws IOException {
		imports.portfolio(current.id(), id);
		PortfolioDefaults defaults = defaults(creditor, assignmentDate);
		if (file == null || file.isEmpty()) {
			throw new InvalidFields(java.util.Map.of("file", new Rejected("import.file-required")));
		}
		return start(id, fileName(file.getOriginalFilename(), "registry.csv"), importing.receive(file), defaults, request);
	}

	@PostMapping(path = "/{id}/uploads", consumes = { "text/csv", XLSX })
	@Operation(summary = UPLOAD, description = UPLOAD_DESCRIPTION)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "415", description = "A body of another type (media-type-not-supported)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "507", description = "The server's disk had no room for the file: nothing of it was kept; "
			+ "send it again later (import.disk-full)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<UploadResource> uploadBody(@PathVariable UUID id,
			@Parameter(description = "Original creditor of rows without their own") @RequestParam(required = false) String creditor,
			@Parameter(description = "Assignment date of rows without their own, YYYY-MM-DD") @RequestParam(
					required = false) String assignmentDate,
			@Parameter(description = "The file's name, as shown with the upload") @RequestParam(required = false) String fileName,
			InputStream body, HttpServletRequest request) throws IOException {
		imports.portfolio(current.id(), id);
		PortfolioDefaults defaults = defaults(creditor, assignmentDate);
		boolean xlsx = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(XLSX));
		return start(id, fileName(fileName, xlsx ? "registry.xlsx" : "registry.csv"), importing.receive(body), defaults,
				request);
	}

	/**
	 * A body of any other type: the portfolio is looked up first, so that another agency's id answers 404 whatever
	 * the body (as every other route of it does), and only then 415 (media-type-not-supported).
	 */
	@PostMapping(path = "/{id}/uploads")
	@io.swagger.v3.oas.annotations.Hidden
	ResponseEntity<Void> uploadOfAnotherType(@PathVariable UUID id, HttpServletRequest request)
			throws org.springframework.web.HttpMediaTypeNotSupportedException {
		imports.portfolio(current.id(), id);
		throw new org.springframework.web.HttpMediaTypeNotSupportedException(request.getContentType(),
				List.of(MediaType.MULTIPART_FORM_DATA, MediaType.parseMediaType("text/csv"), MediaType.parseMediaType(XLSX)));
	}

	@GetMapping("/{id}/uploads/{uploadId}")
	@Operation(summary = "An upload's progress, counts and result; 404 if not this portfolio's")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "done", value = UPLOAD_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio or upload (import.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	UploadResource status(@PathVariable UUID id, @PathVariable UUID uploadId, HttpServletRequest request) {
		return resource(upload(id, uploadId), request);
	}

	@GetMapping(path = "/{id}/uploads/{uploadId}/errors", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An upload's rejected rows, in file order", description = """
			Each with its line in the file, its column as headed there, a stable `code` and the reason in the \
			caller's `Accept-Language` (Russian by default); no personal data. Pass `nextCursor` back as `cursor` \
			for the next page; `limit` up to 200 (100 by default); `total` is how many rows were rejected. With \
			`Accept: text/csv` the whole report as the page's CSV (rejected rows, then those kept with a note or \
			skipped).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "rejected rows", value = ERRORS_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio or upload (import.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<RowErrorResource> errors(@PathVariable UUID id, @PathVariable UUID uploadId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
		PortfolioImport upload = upload(id, uploadId);
		int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
		long after = line(cursor);
		List<RowError> rows = imports.errors(current.id(), upload.id(), after, bounded + 1);
		boolean more = rows.size() > bounded;
		List<RowError> page = more ? rows.subList(0, bounded) : rows;
		return ApiList.of(page.stream()
			.map(e -> new RowErrorResource(e.line(), e.column(), e.code(),
					messages.getMessage(e.messageKey(), e.arguments(), e.code(), problems.locale(request))))
			.toList(), imports.errorCount(current.id(), upload.id()), more ? String.valueOf(page.getLast().line()) : null);
	}

	@GetMapping(path = "/{id}/uploads/{uploadId}/errors", produces = "text/csv")
	@Operation(hidden = true)
	void errorsCsv(@PathVariable UUID id, @PathVariable UUID uploadId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		PortfolioImport upload = upload(id, uploadId);
		ErrorReport.write(response, "errors-" + upload.id() + ".csv", messages, problems.locale(request),
				(after, limit) -> imports.errors(current.id(), upload.id(), after, limit),
				(after, limit) -> imports.notes(current.id(), upload.id(), after, limit));
	}

	private static long line(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(cursor.strip()));
		}
		catch (NumberFormatException ex) {
			throw new Rejected("request.cursor-invalid");
		}
	}

	/** This portfolio's upload; another portfolio's or tenant's is not found. */
	private PortfolioImport upload(UUID portfolio, UUID uploadId) {
		imports.portfolio(current.id(), portfolio);
		PortfolioImport upload = imports.get(current.id(), uploadId);
		if (!upload.portfolioId().equals(portfolio)) {
			throw new NotFound("import.not-found", uploadId);
		}
		return upload;
	}

	private ResponseEntity<UploadResource> start(UUID portfolio, String fileName, Path spooled,
			PortfolioDefaults defaults, HttpServletRequest request) {
		PortfolioImport started = importing.start(current.id(), current.actor().auditName(), portfolio, fileName,
				spooled, defaults);
		audit.record(AuditAction.PORTFOLIO_IMPORTED, "portfolio-import", started.id(), "portfolio:" + portfolio);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(uploadPath(portfolio, started.id())))
			.body(resource(started, request));
	}

	private static PortfolioDefaults defaults(String creditor, String assignmentDate) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		LocalDate assigned = fields.read("assignmentDate", () -> {
			if (assignmentDate == null || assignmentDate.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(assignmentDate.strip());
			}
			catch (DateTimeParseException ex) {
				throw new Rejected("portfolio.assignment-date-invalid");
			}
		});
		PortfolioDefaults defaults = fields.read("creditor", () -> new PortfolioDefaults(creditor, null));
		fields.throwIfAny();
		return new PortfolioDefaults(defaults.originalCreditor(), assigned);
	}

	/** The last part of a path the caller named, or the default; the name is only ever shown. */
	private static String fileName(String name, String otherwise) {
		String last = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return last.isEmpty() ? otherwise : last.substring(0, Math.min(last.length(), MAX_FILE_NAME));
	}

	private static String uploadPath(UUID portfolio, UUID upload) {
		return "/api/v1/portfolios/" + portfolio + "/uploads/" + upload;
	}

	private PortfolioResource resource(PortfolioOverview p, HttpServletRequest request) {
		return new PortfolioResource(p.id(), p.name(), p.createdAt(), p.debts(), p.open(), p.debtors(),
				p.balance().roubles().toPlainString(), p.latestImport() == null ? null : resource(p.latestImport(), request));
	}

	private UploadResource resource(PortfolioImport i, HttpServletRequest request) {
		Failure failure = switch (i.status()) {
			case FAILED -> new Failure(i.failureCode(),
					problems.message(i.failureCode(), i.failureArgs().toArray(), request));
			case INTERRUPTED -> new Failure("import.interrupted",
					problems.message("import.interrupted-kept", new Object[] { i.stored() }, request));
			case RUNNING, DONE -> null;
		};
		return new UploadResource(i.id(), i.portfolioId(), i.portfolioName(), i.fileName(), i.fileSize(), i.status(),
				i.percent(), i.total(), i.created(), i.updated(), i.rejected(), i.noted(), i.skipped(), i.debtors(),
				failure, i.startedAt(), i.finishedAt(), uploadPath(i.portfolioId(), i.id()) + "/errors");
	}

	/** @param name the portfolio's name, up to 200 characters */
	record NewPortfolio(String name) {
	}

	/**
	 * @param debts, open, debtors the portfolio's debts, those still open, and the people they belong to
	 * @param balance what its debts owe now, roubles as a string
	 */
	record PortfolioResource(UUID id, String name, Instant createdAt, long debts, long open, long debtors,
			String balance, UploadResource latestUpload) {
	}

	/**
	 * @param rowsRead rows read so far (the header and empty lines not counted)
	 * @param created, updated debts new, and debts that were there and took the registry's figures
	 * @param rejected rows refused, each with its line and reason at {@code errorsUrl}
	 * @param keptWithNote rows stored without a value that did not read (a phone)
	 * @param skipped rows that held no debt (a total, a signature under the table)
	 * @param debtors the people the stored debts belong to, known once the upload has ended
	 * @param failure why the upload stopped, when {@code state} is FAILED or INTERRUPTED (the rows before are kept)
	 */
	record UploadResource(UUID id, UUID portfolioId, String portfolioName, String fileName, long fileSize,
			ImportStatus state, int percent, long rowsRead, long created, long updated, long rejected, long keptWithNote,
			long skipped, long debtors, Failure failure, Instant startedAt, Instant finishedAt, String errorsUrl) {
	}

	record Failure(String code, String message) {
	}

	record RowErrorResource(long line, String column, String code, String message) {
	}
}
