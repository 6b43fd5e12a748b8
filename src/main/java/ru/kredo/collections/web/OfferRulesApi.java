package ru.kredo.collections.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
import ru.kredo.collections.OfferRule;
import ru.kredo.collections.OfferRules;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartInterval;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * The agency's discount rules by API (issue 15), as its admin keeps them on «Правила скидок»: list, add, read, change,
 * switch off and on, delete one that has made no offer. The body is the page's form ({@link OfferRuleForm}, one
 * check for both, every wrong field at once) and each call has the page's effects: a rule added, changed or switched
 * on makes offers at once to the open debts it now pre-approves; an offer already made keeps its terms. Audited as the
 * page is ({@code OFFER_RULE_*}). See {@code docs/settlements.md}, «API».
 */
@RestController
@RequestMapping("/api/v1/offer-rules")
@Tag(name = "Offer rules", description = "Collection agencies: discount rules that pre-approve debtors' offers")
class OfferRulesApi {

	static final int MAX_LIMIT = 200;

	private static final String PROBLEM = "application/problem+json";
	private static final String RULE_EXAMPLE = """
			{"id":"5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","name":"Старые долги","minDaysPastDue":365,\
			"minBalance":"10000.00","discountPercent":30,"validDays":30,"maxParts":3,"interval":"MONTH",\
			"graceDays":0,"enabled":true,"offersMade":12,"addedAt":"2026-12-01T09:00:00Z"}""";
	private static final String BODY_EXAMPLE = """
			{"name":"Старые долги","minDaysPastDue":365,"minBalance":"10000.00","discountPercent":30,"validDays":30,\
			"maxParts":3,"interval":"MONTH","graceDays":0}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"discountPercent","code":"offer.discount-invalid","message":"Скидка — от 1 до 50%."}]}""";
	private static final String HAS_OFFERS_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"По этому правилу уже сделано предложений: 12. Удалить его нельзя — выключите его, и новых \
			предложений не будет.","code":"offer.rule-has-offers"}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Правило не найдено.",\
			"code":"offer.rule-not-found"}""";

	private final Offers offers;
	private final OfferRules rules;
	private final CurrentTenant current;
	private final AuditLog audit;

	OfferRulesApi(Offers offers, OfferRules rules, CurrentTenant current, AuditLog audit) {
		this.offers = offers;
		this.rules = rules;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The agency's discount rules, in the order they were added", description = """
			Each with whether it makes offers now (`enabled`) and how many it has made (`offersMade`; a rule that \
			made none may be deleted). Pass `nextCursor` back as `cursor` for the next page (`null`: the last one); \
			`limit` up to 200 (100 by default); `total` is how many rules there are.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "rules", value = "{\"items\":[" + RULE_EXAMPLE
					+ "],\"total\":1,\"totalIsEstimate\":false,\"nextCursor\":null}")))
	@ApiResponse(responseCode = "400", description = "A cursor Kredo did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<RuleResource> list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
		int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
		List<OfferRules.Listed> rows = rules.after(current.id(), Cursor.decode(cursor), bounded + 1);
		boolean more = rows.size() > bounded;
		List<OfferRules.Listed> page = more ? rows.subList(0, bounded) : rows;
		String next = more ? new Cursor(page.getLast().addedAt(), page.getLast().line().rule().id()).encode() : null;
		return ApiList.of(page.stream().map(row -> RuleResource.of(row.line(), row.addedAt())).toList(),
				rules.count(current.id()), next);
	}

	@PostMapping
	@Operation(summary = "Add a discount rule, as the page's form does; it makes offers at once", description = """
			The page's fields: `name` (required), `minDaysPastDue` (0 or more; 0 if absent), `minBalance` (roubles \
			as a string; 0 if absent), `discountPercent` (1–50), `validDays` (1–365; 30 if absent), `maxParts` (1–12; \
			1, in full, if absent), `interval` (WEEK, TWO_WEEKS or MONTH; MONTH if absent), `graceDays` (0 if \
			absent). Numbers may be sent as numbers or strings. Every wrong field is named at once in `errors`, with \
			the page's codes. The open debts the rule pre-approves get their offers at once. Audited as \
			OFFER_RULE_ADDED.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "added", value = RULE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "discount", value = INVALID_EXAMPLE)))
	ResponseEntity<RuleResource> add(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "rule", value = BODY_EXAMPLE)))
			@RequestBody(required = false) OfferRuleForm body) {
		OfferRuleForm.Terms terms = terms(body);
		OfferRule rule = offers.addRule(current.id(), terms.name(), terms.minDaysPastDue(), terms.minBalance(),
				terms.discountPercent(), terms.validDays(), terms.parts());
		audit.record(AuditAction.OFFER_RULE_ADDED, "offer-rule", rule.id(), "api;" + rule.discountPercent() + "%");
		return ResponseEntity.created(URI.create("/api/v1/offer-rules/" + rule.id())).body(one(rule.id()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One discount rule; 404 if not this agency's")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "rule", value = RULE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (offer.rule-not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	RuleResource one(@PathVariable UUID id) {
		return rules.after(current.id(), null, Integer.MAX_VALUE).stream()
			.filter(row -> row.line().rule().id().equals(id))
			.findFirst()
			.map(row -> RuleResource.of(row.line(), row.addedAt()))
			.orElseThrow(() -> new ru.kredo.platform.NotFound("offer.rule-not-found", id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a rule's terms, as its page does", description = """
			The whole rule, with the fields and defaults of adding one. The offers it made keep their terms until \
			they expire; the open debts it now pre-approves without an offer get one at once. Audited as \
			OFFER_RULE_CHANGED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "changed", value = RULE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Wrong fields in `errors`", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "discount", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (offer.rule-not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	RuleResource change(@PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = "application/json", examples = @ExampleObject(name = "rule", value = BODY_EXAMPLE)))
			@RequestBody(required = false) OfferRuleForm body) {
		rules.get(current.id(), id);
		OfferRuleForm.Terms terms = terms(body);
		rules.change(current.id(), id, terms.name(), terms.minDaysPastDue(), terms.minBalance(), terms.discountPercent(),
				terms.validDays(), terms.parts());
		audit.record(AuditAction.OFFER_RULE_CHANGED, "offer-rule", id, "api;" + terms.discountPercent() + "%");
		return one(id);
	}

	@PutMapping("/{id}/enabled")
	@Operation(summary = "Switch a rule off (`false`) or on (`true`)", description = """
			Switched off, it makes no new offers (nor renews one that lapses); those it made stay open until they \
			expire. Switched on, it makes offers at once to the open debts without one. Audited as \
			OFFER_RULE_SWITCHED.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "switched", value = RULE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "`enabled` missing (offer.enabled-required)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (offer.rule-not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	RuleResource setEnabled(@PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "switch off",
					value = "{\"enabled\":false}"))) @RequestBody(required = false) Switch body) {
		rules.get(current.id(), id);
		if (body == null || body.enabled() == null) {
			throw new InvalidFields(Map.of("enabled", new Rejected("offer.enabled-required")));
		}
		rules.setEnabled(current.id(), id, body.enabled());
		audit.record(AuditAction.OFFER_RULE_SWITCHED, "offer-rule", id, "api;" + (body.enabled() ? "on" : "off"));
		return one(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a rule that has made no offer", description = """
			A rule that has made an offer (`offersMade` above 0) is refused with offer.rule-has-offers: its offers \
			name it; switch it off instead. Audited as OFFER_RULE_DELETED.""")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "400", description = "It has made offers (offer.rule-has-offers)", content = @Content(
			mediaType = PROBLEM, examples = @ExampleObject(name = "has offers", value = HAS_OFFERS_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "Not this agency's (offer.rule-not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		rules.delete(current.id(), id);
		audit.record(AuditAction.OFFER_RULE_DELETED, "offer-rule", id, "api");
		return ResponseEntity.noContent().build();
	}

	private static OfferRuleForm.Terms terms(OfferRuleForm body) {
		return (body == null ? new OfferRuleForm(null, null, null, null, null, null, null, null) : body).parse();
	}

	record Switch(Boolean enabled) {
	}

	/**
	 * @param minBalance roubles as a string, {@code "10000.00"}
	 * @param offersMade how many offers it has ever made; a rule that made none may be deleted
	 */
	record RuleResource(UUID id, String name, int minDaysPastDue, String minBalance, int discountPercent, int validDays,
			int maxParts, PartInterval interval, int graceDays, boolean enabled, long offersMade, Instant addedAt) {

		static RuleResource of(OfferRules.Line line, Instant addedAt) {
			OfferRule r = line.rule();
			return new RuleResource(r.id(), r.name(), r.minDaysPastDue(), r.minBalance().roubles().toPlainString(),
					r.discountPercent(), r.validDays(), r.parts().maxParts(), r.parts().interval(), r.parts().graceDays(),
					line.enabled(), line.offersMade(), addedAt);
		}
	}
}
