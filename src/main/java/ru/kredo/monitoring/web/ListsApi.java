package ru.kredo.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.monitoring.internal.ListImporting;
import ru.kredo.monitoring.internal.ListOverview;
import ru.kredo.monitoring.internal.MonitoringLists;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.Problems;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ErrorReport;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantKind;

/**
 * Mass monitoring over the API, as on the lists page: a contact file uploaded as a named list is imported in the
 * background (202 and where to poll), its progress read, its rejected rows downloaded as CSV.
 */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Lists", description = "Mass monitoring: upload a contact base (CSV or XLSX) as a named list, follow the "
		+ "upload, download its rejected rows")
class ListsApi {

	private static final int MAX_LISTS = 200;

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final String IMPORTS = "/api/v1/lists/imports/";
	private static final int MAX_FILE_NAME = 200;
	// One description for both ways to send the file: OpenAPI has one operation per path and method.
	private static final String UPLOAD = "Upload a contact file (CSV or XLSX) as a named list";
	private static final String UPLOAD_DESCRIPTION = """
			The file goes either as the part «file» of a multipart form, or as the whole body with `Content-Type: \
			text/csv` or the XLSX type (then `fileName` names it). The list's name and the defaults are form fields \
			or query parameters. CSV as CRMs and Excel write it (UTF-8 or Windows-1251; «;», «,» or tab) or an XLSX \
			workbook (its first sheet), up to `kredo.lists.max-file-size`; the header names the columns in any \
			order, in Russian or English, and needs ФИО and a date of birth. The file is checked at once (format, \
			header), then imported in the background: 202 with the upload and the `Location` to poll. A wrong row \
			does not stop the upload: it is counted in `rejected` and listed with its line at `errorsUrl`.""";

	private final MonitoringLists lists;
	private final ListImporting importing;
	private final ImportRecords imports;
	private final CurrentTenant current;
	private final AuditLog audit;
	private final Problems problems;
	private final MessageSource messages;

	ListsApi(MonitoringLists lists, ListImporting importing, ImportRecords imports, CurrentTenant current,
			AuditLog audit, Problems problems, MessageSource messages) {
		this.lists = lists;
		this.importing = importing;
		this.imports = imports;
		this.current = current;
		this.audit = audit;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The tenant's lists, newest first: how many people each has on monitoring, and its latest upload",
			description = """
					A page of at most `limit` lists (default 100, at most 200): `items`, `total`, `nextCursor` — pass it \
					back as `cursor`; `null` is the last page (docs/api-lists.md).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "one list", value = """
					{"items":[{"id":"9e0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c","name":"Дожим, ноябрь",
					"createdAt":"2026-11-20T09:00:00Z","watches":14870,"active":14870,"awaitingConsent":0,
					"latestImport":null}],"total":1,"totalIsEstimate":false,"nextCursor":null}""")))
	ApiList<ListResource> lists(
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit, HttpServletRequest request) {
		return ApiList.slice(lists.overview(current.id()), list -> new Cursor(list.createdAt(), list.id().value()), true,
				cursor, ApiList.limit(limit, MAX_LISTS), list -> listResource(list, request));
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = UPLOAD, description = UPLOAD_DESCRIPTION)
	@ApiResponse(responseCode = "202", description = "Accepted: poll the `Location` until `state` is no longer RUNNING")
	@ApiResponse(responseCode = "400", description = "No file, an empty one, a format other than CSV or XLSX, a header "
			+ "without ФИО or date of birth (`code` says which), or wrong fields (listed in `errors`)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "The file is over `kredo.lists.max-file-size` (import.file-too-large)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "507", description = "The server's disk had no room for the file: nothing of it was kept; "
			+ "send it again later (import.disk-full)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ImportResource> upload(@ParameterObject ListUpload upload,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest request) throws IOException {
		ListUpload.Parsed parsed = upload.parse(defaultSegment());
		if (file == null) {
			throw new Rejected("import.file-required");
		}
		return start(parsed, ListsController.fileName(file), importing.receive(file), request);
	}

	@PostMapping(path = "/imports", consumes = { "text/csv", XLSX })
	@Operation(summary = UPLOAD, description = UPLOAD_DESCRIPTION)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "415", description = "A body of another type (media-type-not-supported)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "507", description = "The server's disk had no room for the file: nothing of it was kept; "
			+ "send it again later (import.disk-full)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ImportResource> uploadBody(@ParameterObject ListUpload upload,
			@Parameter(description = "The file's name, as shown with the upload") @RequestParam(required = false) String fileName,
			InputStream body, HttpServletRequest request) throws IOException {
		ListUpload.Parsed parsed = upload.parse(defaultSegment());
		boolean xlsx = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(XLSX));
		return start(parsed, bodyFileName(fileName, xlsx ? "upload.xlsx" : "upload.csv"), importing.receive(body), request);
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "An upload's progress and result; 404 if not in this tenant")
	ImportResource status(@PathVariable UUID id, HttpServletRequest request) {
		return resource(imports.get(current.id(), id), request);
	}

	@GetMapping("/imports/{id}/errors")
	@Operation(summary = "An upload's rejected rows as CSV for Excel", description = """
			UTF-8 with a BOM, «;»-separated: the row's line in the file, its column and the reason in the caller's \
			`Accept-Language` (Russian by default). No personal data. Only the header while nothing is rejected.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
	void errors(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ListImport listImport = imports.get(current.id(), id);
		ErrorReport.write(response, "errors-" + listImport.id() + ".csv", messages, problems.locale(request),
				(after, limit) -> imports.errors(current.id(), id, after, limit),
				(after, limit) -> imports.notes(current.id(), id, after, limit),
				ImportsController.unknownManagers(imports.unknownManagers(current.id(), id), messages,
						problems.locale(request)));
	}

	private ResponseEntity<ImportResource> start(ListUpload.Parsed upload, String fileName, Path spooled,
			HttpServletRequest request) {
		ListImport started = importing.start(current.id(), current.actor().auditName(), upload.listName(), fileName,
				spooled, upload.defaults());
		audit.record(AuditAction.LIST_IMPORTED, "list-import", started.id(), "list:" + started.listId());
		return ResponseEntity.accepted().location(URI.create(IMPORTS + started.id())).body(resource(started, request));
	}

	private Segment defaultSegment() {
		return current.kind() == TenantKind.COLLECTOR ? Segment.DEBTOR : Segment.PROSPECT;
	}

	/** The last part of a path the caller named, or the default; the name is only ever shown. */
	private static String bodyFileName(String name, String otherwise) {
		String last = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		return last.isEmpty() ? otherwise : last.substring(0, Math.min(last.length(), MAX_FILE_NAME));
	}

	private ListResource listResource(ListOverview list, HttpServletRequest request) {
		return new ListResource(list.id().value(), list.name(), list.createdAt(), list.watches(), list.active(),
				list.awaitingConsent(), list.latestImport() == null ? null : resource(list.latestImport(), request));
	}

	private ImportResource resource(ListImport i, HttpServletRequest request) {
		Failure failure = switch (i.status()) {
			case FAILED -> new Failure(i.failureCode(),
					problems.message(i.failureCode(), i.failureArgs().toArray(), request));
			case INTERRUPTED -> new Failure("import.interrupted",
					problems.message("import.interrupted-kept", new Object[] { i.imported() }, request));
			case RUNNING, DONE -> null;
		};
		return new ImportResource(i.id(), i.listId().value(), i.listName(), i.fileName(), i.fileSize(), i.status(),
				i.percent(), i.total(), i.imported(), i.awaitingConsent(), i.rejected(), i.noted(), i.skipped(),
				imports.unknownManagers(i.tenantId(), i.id()).stream()
					.map(m -> new UnknownManagerResource(m.others() ? null : m.name(), m.rows())).toList(),
				failure, i.startedAt(), i.finishedAt(), IMPORTS + i.id() + "/errors");
	}

	/**
	 * @param rowsRead rows read so far (the header and empty lines not counted)
	 * @param accepted rows put on monitoring, of which {@code awaitingConsent} wait for a 218-ФЗ consent
	 * @param rejected rows refused, each with its line and reason at {@code errorsUrl}
	 * @param keptWithNote accepted rows kept without a phone or e-mail address that did not read (listed at
	 *        {@code errorsUrl} after the refused ones)
	 * @param skipped rows that held no person, a total or a signature under the table (listed there too)
	 * @param unknownManagers names in the manager column that match no user, with how many rows (left without a
	 *        manager) gave each; {@code name} is null for the rows of all names beyond the first 50
	 * @param failure why the upload stopped, when {@code state} is FAILED or INTERRUPTED (the rows before are kept)
	 */
	record ImportResource(UUID id, UUID listId, String listName, String fileName, long fileSize, ImportStatus state,
			int percent, long rowsRead, long accepted, long awaitingConsent, long rejected, long keptWithNote,
			long skipped, List<UnknownManagerResource> unknownManagers, Failure failure,
			Instant startedAt, Instant finishedAt, String errorsUrl) {
	}

	record Failure(String code, String message) {
	}

	record UnknownManagerResource(String name, long rows) {
	}

	record ListResource(UUID id, String name, Instant createdAt, long watches, long active, long awaitingConsent,
			ImportResource latestImport) {
	}
}
