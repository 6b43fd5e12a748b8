package ru.kredo.conversations.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

import ru.kredo.collections.ListedOffer;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferListing;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.ConversationOffers;
import ru.kredo.conversations.Conversations;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.CurrentTenant;

/**
 * «Предложить соглашение о скидке» of the inbox's conversation ({@code POST /inbox/{id}/offer}) for the agency's own
 * software (issue 15, «The API, both halves»; {@code docs/conversations.md}, «API»): the same form as JSON, parsed by
 * the same {@link OfferForm}, made by the same {@link ConversationOffers#offer}, so the same checks refuse it with the
 * same codes — the debt's state, the agency's ceiling, an open offer as good for him, a signed settlement — and the
 * same things follow: the debt's offer the debtor signs in his cabinet, the agency's message in the conversation
 * (written by the key, held to the contact rules as every answer), the audit. The offer records the key that made it.
 */
@RestController
@Tag(name = "Conversations", description = "Collection agencies: the debtors' conversations — read, answer as the "
		+ "agency, internal notes, files, assign")
class ConversationOffersApi {

	/** The page's form offers it for 14 days unless the operator changes it; the API takes the same default. */
	static final String DEFAULT_VALID_DAYS = "14";

	private static final String PROBLEM = "application/problem+json";
	private static final String BODY = """
			{"debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","discountPercent":20,"validDays":7}""";
	private static final String SUM_BODY = """
			{"debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","sumToPay":"7250.50","validDays":10}""";
	private static final String OFFER_EXAMPLE = """
			{"id":"3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","debtId":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
			"externalId":"R-100245","contactId":"6a1f0c2e-8d7b-4f3a-a1e2-9c0b7d5e4f31",
			"debtorName":"Лебедева Ольга Сергеевна","contractNumber":"КД-77/2021",
			"portfolioId":"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d","debtStatus":"OPEN","status":"OFFERED",
			"source":"CONVERSATION","ruleId":null,"ruleName":null,"offeredBy":"API: Контакт-центр","discountPercent":20,
			"fullAmount":"10000.00","offerAmount":"8000.00","validUntil":"2026-12-14","paidSinceAccepted":"0.00",
			"acceptedAt":null,"madeAt":"2026-12-07T09:05:00Z","planId":null,"schedule":[]}""";
	private static final String INVALID_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"discountPercent","code":"offer.above-ceiling",\
			"message":"Скидка — от 1 до 30%: больше агентство по своим правилам не даёт."}]}""";
	private static final String NOT_WORSE_EXAMPLE = """
			{"type":"about:blank","title":"Неверный запрос","status":400,\
			"detail":"Некоторые поля заполнены неверно; см. errors.","code":"request.invalid-fields",\
			"errors":[{"field":"debtId","code":"offer.open-not-worse","message":"У должника уже есть предложение по \
			этому долгу не хуже: 7 000,00 ₽ до 31.12.2026. Заменить его можно только более выгодным для должника."}]}""";
	private static final String NOT_FOUND_EXAMPLE = """
			{"type":"about:blank","title":"Не найдено","status":404,"detail":"Переписка не найдена.",\
			"code":"conversation.not-found"}""";

	private final Conversations conversations;
	private final ConversationOffers conversationOffers;
	private final OfferListing listing;
	private final CurrentTenant current;

	ConversationOffersApi(Conversations conversations, ConversationOffers conversationOffers, OfferListing listing,
			CurrentTenant current) {
		this.conversations = conversations;
		this.conversationOffers = conversationOffers;
		this.listing = listing;
		this.current = current;
	}

	@PostMapping("/api/v1/conversations/{id}/offers")
	@Operation(summary = "Offer the debtor a settlement on one of his debts from the conversation, as the inbox's "
			+ "«Предложить соглашение о скидке» does", description = """
			`debtId`: one of the conversation's debtor's debts, open and not disputed nor under a restructuring plan; \
			**either** `discountPercent` (whole percent, 1 to the agency's ceiling — the largest discount of its rules \
			switched on) **or** `sumToPay` (roubles as a string, from the balance less the ceiling's discount to the \
			balance less 1 %); `validDays` 1–365 (14 if absent). Numbers may be sent as numbers or strings. It becomes \
			the debt's offer, which the debtor's cabinet shows and he signs with a texted code; it replaces an unsigned \
			offer only when it asks him less (docs/settlements.md, «Offered from the conversation»). The conversation \
			gets the agency's message naming the contract, the sum, the balance and the last day (written by this \
			key, as an answer through the API is; the debtor is told as of any answer). Audited as OFFER_MADE. \
			Answers the offer as `GET /api/v1/offers/{id}` reads it.""")
	@ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json",
			examples = @ExampleObject(name = "offered", value = OFFER_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = """
			Wrong fields in `errors`, with the page's codes: debtId offer.debt-required, offer.debt-closed, \
			debt.disputed, debt.under-plan, offer.already-signed, offer.settlement-lapsed, offer.open-not-worse; \
			discountPercent offer.discount-or-sum-required, offer.discount-or-sum, offer.discount-not-a-number, \
			offer.discount-invalid, offer.no-ceiling, offer.above-ceiling; sumToPay offer.sum-required, \
			offer.sum-out-of-range (or offer.no-ceiling); validDays offer.valid-days-invalid""",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = { @ExampleObject(name = "over the ceiling", value = INVALID_EXAMPLE),
							@ExampleObject(name = "a better offer is open", value = NOT_WORSE_EXAMPLE) }))
	@ApiResponse(responseCode = "404", description = "Not this agency's conversation (conversation.not-found), or "
			+ "not a debt of its debtor (debt.not-found)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
	ResponseEntity<ListedOffer> offer(@PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
					examples = { @ExampleObject(name = "a discount", value = BODY),
							@ExampleObject(name = "a sum to pay", value = SUM_BODY) })) @RequestBody(
									required = false) OfferBody body) {
		// Another agency's conversation is a 404 before anything of the body is read.
		Conversation conversation = conversations.get(current.id(), new ConversationId(id));
		OfferBody given = body == null ? new OfferBody(null, null, null, null) : body;
		OfferForm form = new OfferForm(given.debtId(), given.discountPercent(), given.sumToPay(),
				given.validDays() == null ? DEFAULT_VALID_DAYS : given.validDays());
		Offer made;
		try {
			OfferForm.Parsed parsed = form.parse();
			made = conversationOffers.offer(current.id(), conversation.id(), current.actor(), parsed.debt(),
					parsed.terms());
		}
		catch (InvalidFields invalid) {
			throw named(invalid);
		}
		return ResponseEntity.created(URI.create("/api/v1/offers/" + made.id()))
			.body(listing.get(current.id(), made.id()));
	}

	/** The page's field {@code debt} is {@code debtId} in the API's body; the others keep their names. */
	private static InvalidFields named(InvalidFields invalid) {
		Map<String, Rejected> errors = new LinkedHashMap<>();
		invalid.errors().forEach((field, rejected) -> errors.put("debt".equals(field) ? "debtId" : field, rejected));
		return new InvalidFields(errors);
	}

	/**
	 * The page's form as JSON.
	 *
	 * @param debtId one of the conversation's debtor's debts
	 * @param discountPercent whole percent; or {@code sumToPay}, not both
	 * @param sumToPay roubles as a string, {@code "7250.50"}
	 * @param validDays 1–365; 14 if absent
	 */
	record OfferBody(String debtId, String discountPercent, String sumToPay, String validDays) {
	}
}
