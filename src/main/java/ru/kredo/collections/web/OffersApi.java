package ru.kredo.collections.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import ru.kredo.collections.DebtId;
import ru.kredo.collections.ListedOffer;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferListing;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.tenancy.CurrentTenant;

/**
 * A collection agency's discount offers for its own software (issue 15, «The API, both halves»: offers; collection
 * agencies only, {@code docs/settlements.md}, «API»): every debt's offer as the debtor's card shows it — made by a rule
 * or from the conversation, open, signed, paid or lapsed — narrowed as the pages narrow them, in the order they were
 * made, paged by cursor; and one offer by its id. Reading them is not audited, as the debts' list is not: an offer
 * carries the debtor's name and the debt's contract, no more than that list.
 */
@RestController
@Tag(name = "Offers", description = "Collection agencies: the debts' discount offers — list by status, debt, debtor, "
		+ "portfolio; read one")
class OffersApi {

	static final int MAX_LIMIT = 200;

	private static final String PROBLEM = "application/problem+json";
	static final String OFFER_EXAMPLE = """
			{"id":"3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"externalId":"R-100245","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","contractNumber":"КД-77/2021",
			"portfolioId":"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d","debtStatus":"OPEN","status":"OFFERED",
			"source":"CONVERSATION","ruleId":null,"ruleName":null,"offeredBy":"API: Контакт-центр","discountPercent":20,
			"fullAmount":"10000.00","offerAmount":"8000.00","validUntil":"2026-12-14","paidSinceAccepted":"0.00",
			"acceptedAt":null,"madeAt":"2026-12-07T09:05:00Z","planId":null,"schedule":[]}""";
	private static final String SIGNED_EXAMPLE = """
			{"id":"7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b","debtId":"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c",
			"externalId":null,"contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","contractNumber":"КД-12/2020","portfolioId":null,
			"debtStatus":"UNDER_SETTLEMENT","status":"ACCEPTED","source":"RULE",
			"ruleId":"4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d","ruleName":"Старые долги","offeredBy":null,
			"discountPercent":30,"fullAmount":"45000.00","offerAmount":"31500.00","validUntil":"2026-12-31",
			"paidSinceAccepted":"10500.00","acceptedAt":"2026-12-01T10:00:00Z","madeAt":"2026-11-20T03:00:00Z",
			"planId":null,"schedule":[{"number":1,"dueOn":"2026-12-31","amount":"10500.00"},
			{"number":2,"dueOn":"2027-01-31","amount":"10500.00"},{"number":3,"dueOn":"2027-02-28","amount":"10500.00"}]}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Предложение не найдено.",
			"code":"offer.not-found"}""";

	private final OfferListing listing;
	private final CurrentTenant current;

	OffersApi(OfferListing listing, CurrentTenant current) {
		this.listing = listing;
		this.current = current;
	}

	@GetMapping("/api/v1/offers")
	@Operation(summary = "The agency's discount offers, as the debtors' cards show them, in the order they were made",
			description = """
			Every debt's offer standing now: made by a discount rule (`source` RULE) or offered from the debtor's \
			conversation by an operator or an API key (CONVERSATION). `status` as the pages show it on the agency's \
			today: OFFERED (open, the debtor may sign it), ACCEPTED (signed, being paid), PAID (its sum paid, the rest \
			forgiven), LAPSED (its date passed unsigned, or a part of a signed one went unpaid past its date and \
			grace); several may be given (`status=OFFERED&status=LAPSED`, or `status=OFFERED,LAPSED`). An unsigned \
			offer discounts what is owed now. Offers withdrawn by a registry upload or replaced (renewed when they \
			lapsed unsigned, or by a better one) are no longer listed: the debt's offer is the one standing. Filters \
			narrow each other: `debtId`, `contactId` (the debtor), `portfolioId`, `externalId` (the debt's, exactly). \
			In the order they were made (then by id): pass `nextCursor` back as `cursor` with the same filters for \
			the next page (`null`: the last one); `limit` up to 200 (100 by default); `total` is how many match. Not \
			audited, as the list of debts is not.""")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "offers", value = "{\"items\":[" + OFFER_EXAMPLE + "," + SIGNED_EXAMPLE
					+ "],\"total\":2,\"totalIsEstimate\":false,\"nextCursor\":null}")))
	@ApiResponse(responseCode = "400", description = "An unknown `status` or a malformed id "
			+ "(request.parameter-invalid), a cursor Kredo did not give (request.cursor-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ApiList<ListedOffer> list(
			@Parameter(description = "OFFERED, ACCEPTED, PAID or LAPSED; several narrow to any of them")
			@RequestParam(required = false) List<Offer.Status> status,
			@Parameter(description = "One debt's offer") @RequestParam(required = false) UUID debtId,
			@Parameter(description = "One debtor's offers") @RequestParam(required = false) UUID contactId,
			@Parameter(description = "The offers of one portfolio's debts") @RequestParam(required = false) UUID portfolioId,
			@Parameter(description = "The offer of the debt of this external id (its registry's «ID»), exactly")
			@RequestParam(required = false) String externalId,
			@Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + ApiList.DEFAULT_LIMIT) int limit) {
		OfferListing.Filter filter = new OfferListing.Filter(status == null ? null
				: status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()),
				debtId == null ? null : new DebtId(debtId), contactId == null ? null : new ContactId(contactId),
				portfolioId, externalId);
		return listing.list(current.id(), filter, Cursor.decode(cursor), ApiList.limit(limit, MAX_LIMIT));
	}

	@GetMapping("/api/v1/offers/{id}")
	@Operation(summary = "One offer, as the list shows it; 404 if not this agency's or no longer standing",
			description = "An offer withdrawn or replaced since (`GET /api/v1/debts/{id}` shows the debt's offer now) "
					+ "is not found. Not audited, as the list is not.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			examples = { @ExampleObject(name = "open", value = OFFER_EXAMPLE),
					@ExampleObject(name = "signed, in parts", value = SIGNED_EXAMPLE) }))
	@ApiResponse(responseCode = "404", description = "Not this agency's, or no longer standing (offer.not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ListedOffer one(@PathVariable UUID id) {
		return listing.get(current.id(), id);
	}
}
