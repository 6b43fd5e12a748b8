package ru.kredo.monitoring.web;

import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.audit.AuditActor;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.collections.Debts;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.collections.PortfolioNames;
import ru.kredo.contacts.ContactId;
import ru.kredo.monitoring.DebtorWatches;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * Debtors put on bureau monitoring by API (issue 14, «the loop»; issue 15, every page action has an API counterpart;
 * {@code docs/monitoring-debtors.md}): one debtor, as from his card, for the default months with his debts' contracts
 * as the basis; or a whole portfolio, as the «На мониторинг» page does — every debtor of the portfolio with a debt not
 * closed, segment {@code DEBTOR}, the legal basis recorded from his earliest open contract, the agency confirming that
 * the borrowers' consents came with the claims. Collection agencies only.
 */
@RestController
@Tag(name = "Debtor monitoring", description = "Collection agencies: debtors put on credit-bureau monitoring, one or a "
		+ "whole portfolio")
class DebtorMonitoringApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String JSON = "application/json";
	private static final String BODY = "{\"months\":12,\"confirmed\":true}";
	private static final String RESULT = """
			{"portfolioId":"3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","months":12,"debtors":240,"watched":200,"already":40}""";
	private static final String INVALID = """
			{"type":"about:blank","title":"Неверный запрос","status":400,
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",
			"errors":[{"field":"confirmed","code":"debtor-watch.confirm-required",
			"message":"Подтвердите, что согласия переданы вместе с правами требования."}]}""";
	private static final String NOT_FOUND = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Реестр не найден.",\
			"code":"portfolio.not-found"}""";

	private final DebtorWatches debtorWatches;
	private final PortfolioNames portfolios;
	private final CreditHistoryBases bases;
	private final Debts debts;
	private final CurrentTenant current;

	DebtorMonitoringApi(DebtorWatches debtorWatches, PortfolioNames portfolios, CreditHistoryBases bases, Debts debts,
			CurrentTenant current) {
		this.debtorWatches = debtorWatches;
		this.portfolios = portfolios;
		this.bases = bases;
		this.debts = debts;
		this.current = current;
	}

	/** The page's form as JSON: how many months (12 when left out), and the confirmation of the basis. */
	record MonitoringBody(Integer months, Boolean confirmed) {
	}

	/** What was done: of {@code debtors} with a debt not closed, {@code watched} now and {@code already} before. */
	record MonitoringResult(UUID portfolioId, int months, int debtors, int watched, int already) {
	}

	@PostMapping("/api/v1/portfolios/{id}/monitoring")
	@Operation(summary = "Put the portfolio's debtors on monitoring (segment DEBTOR), with the legal basis recorded",
			description = """
			The «На мониторинг» page's action (docs/monitoring-debtors.md): every debtor of the portfolio with a debt \
			not closed gets an individual watch of segment DEBTOR for `months` (1–36, 12 when left out), every event \
			type; its consent is the basis — the debtor's earliest open loan contract, whose consent to the credit \
			history stays valid for the contract's life (ч. 9 ст. 6 218-ФЗ) and passed to the agency with the claim. \
			`confirmed: true` is the agency's confirmation that it holds those consents with the assignment; without \
			it nothing is done. A debtor on monitoring already keeps his watch (`already`); sending it again does \
			nothing twice. His watch stops by itself when his last debt closes. Audited (WATCH_ADDED on the \
			portfolio), as the API key's.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "a year", value = BODY)))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
			examples = @ExampleObject(name = "done", value = RESULT)))
	@ApiResponse(responseCode = "400", description = "Not confirmed (`errors`: confirmed debtor-watch.confirm-required) "
			+ "or months out of 1–36 (months watch.months-invalid)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not confirmed", value = INVALID)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
	MonitoringResult watchPortfolio(@PathVariable UUID id, @RequestBody(required = false) MonitoringBody body) {
		PortfolioName portfolio = portfolios.find(current.id(), id)
			.orElseThrow(() -> new NotFound("portfolio.not-found", id));
		InvalidFields.Collector fields = new InvalidFields.Collector();
		int months = body == null || body.months() == null ? DebtorWatches.DEFAULT_MONTHS : body.months();
		if (months < 1 || months > 36) {
			fields.reject("months", new Rejected("watch.months-invalid", 36));
		}
		if (body == null || !Boolean.TRUE.equals(body.confirmed())) {
			fields.reject("confirmed", new Rejected("debtor-watch.confirm-required"));
		}
		fields.throwIfAny();
		DebtorWatches.Result done = debtorWatches.watchPortfolio(current.id(), portfolio.id(), months,
				AuditActor.of(current.actor()));
		return new MonitoringResult(portfolio.id(), months, done.debtors(), done.watched(), done.already());
	}

	@PostMapping("/api/v1/debtors/{id}/monitoring")
	@Operation(summary = "Put one debtor on monitoring, as «Поставить на мониторинг» on his card", description = """
			For the default months, each of his debts not closed as the basis (docs/monitoring-debtors.md). \
			`watched`: how many watches this made (0 when he was already watched: `already`). A debtor without a debt \
			that is not closed is refused (debtor.no-open-debt).""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
			name = "watched", value = "{\"debtors\":1,\"watched\":1,\"already\":0}")))
	@ApiResponse(responseCode = "400", description = "No debt that is not closed (debtor.no-open-debt)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's debtor (debtor.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	DebtorWatches.Result watchDebtor(@PathVariable UUID id) {
		ContactId debtor = new ContactId(id);
		if (debts.ofContact(current.id(), debtor).isEmpty()) {
			throw new NotFound("debtor.not-found", id);
		}
		if (bases.ofDebtor(current.id(), debtor).isEmpty()) {
			throw new Rejected("debtor.no-open-debt");
		}
		return debtorWatches.watchDebtor(current.id(), debtor, DebtorWatches.DEFAULT_MONTHS,
				AuditActor.of(current.actor()));
	}
}
