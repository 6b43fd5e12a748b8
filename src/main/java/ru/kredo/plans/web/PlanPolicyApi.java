package ru.kredo.plans.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.collections.PortfolioNames;
import ru.kredo.collections.PortfolioNames.PortfolioName;
import ru.kredo.platform.NotFound;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The agency's restructuring-plan policy by API (issue 15), as its admin keeps it on «Погашение частями»: the agency's
 * own terms, and a portfolio's set to differ or removed so that its debts fall back to the agency's. The body is the
 * page's form ({@link PlanPolicyForm}: the same check, every wrong field at once, the page's codes) and the save is the
 * page's ({@link PolicyChanges}: audited as {@code PLAN_POLICY_CHANGED} / {@code PLAN_POLICY_REMOVED}). Another
 * agency's portfolio is a 404. See {@code docs/plans.md}, «The policy by API».
 */
@RestController
@RequestMapping("/api/v1/plan-policy")
@Tag(name = "Plan policy", description = "Collection agencies: the terms on which a debtor may restructure a debt himself")
class PlanPolicyApi {

	private static final String PROBLEM = "application/problem+json";
	private static final String POLICY_EXAMPLE = """
			{"enabled":true,"minMonths":2,"maxMonths":24,"minInstalment":"1000.00","maxDaysToFirst":30,"graceDays":5,\
			"daysToRepair":15,"repairs":1,"withDiscount":false,"minBalance":"3000.00","minDaysPastDue":0}""";
	private static final String PORTFOLIO_EXAMPLE = """
			{"portfolioId":"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f","portfolioName":"Реестр ноябрь 2026","own":true,\
			"policy":{"enabled":true,"minMonths":3,"maxMonths":12,"minInstalment":"2000.00","maxDaysToFirst":14,\
			"graceDays":5,"daysToRepair":15,"repairs":1,"withDiscount":true,"minBalance":"5000.00","minDaysPastDue":90}}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"maxMonths","code":"plan-policy.max-below-min",\
			"message":"Наибольший срок не может быть меньше наименьшего (6 мес.)."}]}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Реестр не найден.",\
			"code":"portfolio.not-found"}""";
	private static final String FIELDS = """
			The page's fields: `enabled` and `withDiscount` (booleans; absent is `false`, as an unticked box — send \
			the whole policy), `minMonths` and `maxMonths` (2–120, the longest not below the shortest), \
			`minInstalment` and `minBalance` (roubles as a string, `"1000.00"`), `maxDaysToFirst` (0–366), \
			`graceDays` and `daysToRepair` (0–90), `repairs` (0–12), `minDaysPastDue` (0 or more). Numbers may be sent \
			as numbers or strings. Every wrong field is named at once in `errors`, with the page's codes.""";

	private final PlanPolicies policies;
	private final PolicyChanges changes;
	private final PortfolioNames portfolios;
	private final CurrentTenant current;

	PlanPolicyApi(PlanPolicies policies, PolicyChanges changes, PortfolioNames portfolios, CurrentTenant current) {
		this.policies = policies;
		this.changes = changes;
		this.portfolios = portfolios;
		this.current = current;
	}

	@GetMapping
	@Operation(summary = "The agency's plan policy (the default until its admin sets one)")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
	PolicyResource agency() {
		return PolicyResource.of(policies.agency(current.id()));
	}

	@PutMapping
	@Operation(summary = "Set the agency's plan policy, as the page's form does", description = FIELDS + """
			 Portfolios with terms of their own keep them. Audited as PLAN_POLICY_CHANGED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "saved", value = POLICY_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "months", value = INVALID_EXAMPLE)))
	PolicyResource saveAgency(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
			@RequestBody(required = false) PlanPolicyForm body) {
		changes.save(current.id(), Optional.empty(), parse(body));
		return agency();
	}

	@GetMapping("/portfolios/{id}")
	@Operation(summary = "A portfolio's plan policy: its own (`own`), or the agency's its debts fall back to")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "own", value = PORTFOLIO_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	PortfolioPolicyResource portfolio(@PathVariable UUID id) {
		PortfolioName portfolio = portfolioOf(id);
		Optional<PlanPolicy> own = policies.portfolio(current.id(), id);
		return new PortfolioPolicyResource(portfolio.id(), portfolio.name(), own.isPresent(),
				PolicyResource.of(own.orElseGet(() -> policies.agency(current.id()))));
	}

	@PutMapping("/portfolios/{id}")
	@Operation(summary = "Give a portfolio terms of its own, as its page does", description = FIELDS + """
			 The portfolio's debts live by them from now on. Audited as PLAN_POLICY_CHANGED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "own", value = PORTFOLIO_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "months", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	PortfolioPolicyResource savePortfolio(@PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
			@RequestBody(required = false) PlanPolicyForm body) {
		PortfolioName portfolio = portfolioOf(id);
		changes.save(current.id(), Optional.of(portfolio), parse(body));
		return portfolio(id);
	}

	@DeleteMapping("/portfolios/{id}")
	@Operation(summary = "Remove a portfolio's own terms: its debts fall back to the agency's", description = """
			As the page's «Убрать свои условия». A portfolio without terms of its own answers 204 too, and nothing \
			is logged; otherwise audited as PLAN_POLICY_REMOVED.""")
	@ApiResponse(responseCode = "204", description = "Its debts live by the agency's terms")
	@ApiResponse(responseCode = "404", description = "Not this agency's portfolio (portfolio.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ResponseEntity<Void> removePortfolio(@PathVariable UUID id) {
		changes.remove(current.id(), portfolioOf(id));
		return ResponseEntity.noContent().build();
	}

	private PortfolioName portfolioOf(UUID id) {
		return portfolios.find(current.id(), id).orElseThrow(() -> new NotFound("portfolio.not-found", id));
	}

	private static PlanPolicy parse(PlanPolicyForm body) {
		return (body == null ? new PlanPolicyForm(null, null, null, null, null, null, null, null, null, null, null)
				: body).parse();
	}

	/** A policy's terms; amounts in roubles as strings ({@code "1000.00"}). */
	record PolicyResource(boolean enabled, int minMonths, int maxMonths, String minInstalment, int maxDaysToFirst,
			int graceDays, int daysToRepair, int repairs, boolean withDiscount, String minBalance, int minDaysPastDue) {

		static PolicyResource of(PlanPolicy p) {
			return new PolicyResource(p.enabled(), p.minMonths(), p.maxMonths(), p.minInstalment().roubles().toPlainString(),
					p.maxDaysToFirst(), p.graceDays(), p.daysToRepair(), p.repairs(), p.withDiscount(),
					p.minBalance().roubles().toPlainString(), p.minDaysPastDue());
		}
	}

	/**
	 * @param own whether the portfolio has terms of its own; if not, {@code policy} is the agency's
	 */
	record PortfolioPolicyResource(UUID portfolioId, String portfolioName, boolean own, PolicyResource policy) {
	}
}
