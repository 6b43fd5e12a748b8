package ru.kredo.collections.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Keyset;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The agency's disputes for its own software (collection agencies only, {@code docs/debts.md}, «Disputes»): list them,
 * read one (the debtor's explanation: audited as the dispute's page is), resolve one with the staff page's rules
 * through the same {@link Disputes#resolve} — upheld, the debt is written off; rejected, a reason the debtor is shown
 * is required. The audit log names the API key as who resolved it.
 */
@RestController
@RequestMapping("/api/v1/disputes")
@Tag(name = "Disputes", description = "Collection agencies: debtors' disputes of their debts — list, read, resolve")
class DisputesApi {

	static final int MAX_LIMIT = 200;

	private static final String PROBLEM = "application/problem+json";
	private static final String LIST_EXAMPLE = """
			{"items":[{"id":"3e5f7a9b-1c2d-4e6f-8a0b-c1d2e3f4a5b6","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31","debtorName":"Лебедева Ольга Сергеевна",
			"contractNumber":"КД-77/2021","originalCreditor":"ПАО «Банк»","reason":"ALREADY_PAID",
			"openedAt":"2026-12-05T14:02:00Z","resolvedAt":null,"outcome":null}],
			"total":1,"totalIsEstimate":false,"nextCursor":null}""";
	private static final String DISPUTE_EXAMPLE = """
			{"id":"3e5f7a9b-1c2d-4e6f-8a0b-c1d2e3f4a5b6","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31","debtorName":"Лебедева Ольга Сергеевна",
			"contractNumber":"КД-77/2021","originalCreditor":"ПАО «Банк»","reason":"ALREADY_PAID",
			"explanation":"Оплатил 1 ноября, чек прилагаю","openedAt":"2026-12-05T14:02:00Z","resolvedAt":null,
			"outcome":null,"resolutionReason":null,"resolvedBy":null}""";
	private static final String RESOLVED_EXAMPLE = """
			{"id":"3e5f7a9b-1c2d-4e6f-8a0b-c1d2e3f4a5b6","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31","debtorName":"Лебедева Ольга Сергеевна",
			"contractNumber":"КД-77/2021","originalCreditor":"ПАО «Банк»","reason":"ALREADY_PAID",
			"explanation":"Оплатил 1 ноября, чек прилагаю","openedAt":"2026-12-05T14:02:00Z",
			"resolvedAt":"2026-12-06T09:30:00Z","outcome":"REJECTED",
			"resolutionReason":"Платёж от 1 ноября зачтён; остаток долга верен","resolvedBy":null}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",
			"errors":[{"field":"reason","code":"dispute.reason-required",
			"message":"Напишите причину: должник увидит её в кабинете."}]}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Спор не найден.","code":"dispute.not-found"}""";

	private final Disputes disputes;
	private final CurrentTenant current;
	private final AuditLog audit;

	DisputesApi(Disputes disputes, CurrentTenant current, AuditLog audit) {
		this.disputes = disputes;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's disputes, the oldest opened first", description = """
			`state`: OPEN (not yet resolved), RESOLVED, or absent for all. A page of at most `limit` (default 100, at \
			most 200): `items`, `total` (how many match), `nextCursor` — pass it back as `cursor`; `null` is the last \
			page; a dispute opened or resolved meanwhile shifts no row (`offset` still works for the first page; docs/api-lists.md). Without the \
			debtor's explanation (read one dispute for it); not audited, as the disputes' list page is not.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "open", value = LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "An unknown `state` (request.parameter-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<DisputeLine> list(@RequestParam(required = false) State state, @io.swagger.v3.oas.annotations.Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		Paging paging = Paging.window(offset, limit, MAX_LIMIT);
		return disputes.list(current.id(), state == null ? null : state == State.OPEN,
				Keyset.decode(cursor, Disputes.ORDER), paging.offset(), paging.limit())
			.map(DisputeLine::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One dispute with the debtor's explanation; 404 if not this agency's",
			description = "Audited as a view of the debtor's personal data, as the dispute's page is.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "open", value = DISPUTE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (dispute.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	DisputeResource one(@PathVariable UUID id) {
		Dispute dispute = disputes.get(current.id(), id);
		audit.record(AuditAction.PERSONAL_DATA_VIEWED, "contact", dispute.contactId().value(), "api;dispute");
		return DisputeResource.of(dispute);
	}

	@PostMapping("/{id}/resolution")
	@Operation(summary = "Resolve an open dispute: UPHELD (the debt is written off) or REJECTED with a reason",
			description = """
			As on the dispute's page: `outcome` UPHELD writes the debt off (a debt closed meanwhile stays as it \
			closed); REJECTED needs a `reason` (up to 2000 characters), which the debtor is shown in his cabinet, and \
			the debt is owed as before, its offers shown again. Correcting the amount instead of writing it off is \
			not offered (nor on the page): reject, and change the debt in the agency's registry. Audited with the \
			API key as who resolved it; `dispute.resolved` is sent to the agency's webhooks.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "rejected", value = RESOLVED_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "No or an unknown `outcome` (dispute.outcome-required), a "
			+ "rejection without a reason (dispute.reason-required) or a reason too long, in `errors`; a dispute "
			+ "already resolved (dispute.already-resolved)", content = @Content(mediaType = PROBLEM,
					examples = @ExampleObject(name = "no reason", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (dispute.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
					name = "rejected", value = "{\"outcome\":\"REJECTED\",\"reason\":\"Платёж от 1 ноября зачтён; остаток долга верен\"}")))
	DisputeResource resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution resolution) {
		disputes.get(current.id(), id);
		String outcome = resolution == null || resolution.outcome() == null ? "" : resolution.outcome();
		DisputeOutcome how = switch (outcome) {
			case "UPHELD" -> DisputeOutcome.UPHELD;
			case "REJECTED" -> DisputeOutcome.REJECTED;
			default -> throw new InvalidFields(Map.of("outcome", new Rejected("dispute.outcome-required")));
		};
		// No user resolved it: the audit log records the API key (the request's actor).
		return DisputeResource.of(disputes.resolve(current.id(), id, how, resolution.reason(), null));
	}

	enum State {
		OPEN, RESOLVED
	}

	/**
	 * @param outcome {@code UPHELD} or {@code REJECTED}
	 * @param reason required when rejected: what the debtor is shown; optional when upheld
	 */
	record Resolution(String outcome, String reason) {
	}

	record DisputeLine(UUID id, UUID debtId, UUID contactId, String debtorName, String contractNumber,
			String originalCreditor, DisputeReason reason, Instant openedAt, Instant resolvedAt, DisputeOutcome outcome) {

		static DisputeLine of(Dispute d) {
			return new DisputeLine(d.id(), d.debtId().value(), d.contactId().value(), d.debtor(), d.contractNumber(),
					d.originalCreditor(), d.reason(), d.openedAt(), d.resolvedAt(), d.outcome());
		}
	}

	/** @param resolvedBy the user who resolved it on the page; {@code null} when resolved through the API */
	record DisputeResource(UUID id, UUID debtId, UUID contactId, String debtorName, String contractNumber,
			String originalCreditor, DisputeReason reason, String explanation, Instant openedAt, Instant resolvedAt,
			DisputeOutcome outcome, String resolutionReason, UUID resolvedBy) {

		static DisputeResource of(Dispute d) {
			return new DisputeResource(d.id(), d.debtId().value(), d.contactId().value(), d.debtor(), d.contractNumber(),
					d.originalCreditor(), d.reason(), d.explanation(), d.openedAt(), d.resolvedAt(), d.outcome(),
					d.resolutionReason(), d.resolvedBy());
		}
	}
}
