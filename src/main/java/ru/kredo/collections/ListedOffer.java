package ru.kredo.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ru.kredo.money.Money;

/**
 * An offer as the agency's systems read it ({@code GET /api/v1/offers}, {@link OfferListing}): the debt's offer as its
 * card shows it today — an unsigned one discounts what is owed now, its status derived on the agency's today
 * ({@link Offer#on}) — with its debt's contract, external id, portfolio and state, its debtor, and who made it.
 * Amounts are roubles as strings ({@code "8000.00"}), as everywhere in the API.
 *
 * @param externalId the debt's id in its registry or the agency's own system («ID»); {@code null} when none
 * @param debtStatus where the debt stands: a DISPUTED debt's or one UNDER_PLAN's offer is withheld from the debtor
 * @param status OFFERED (open, to sign), ACCEPTED (signed, being paid), PAID (its sum paid, the rest forgiven) or
 *        LAPSED (past its date unsigned, or a part of a signed one unpaid past its date and grace)
 * @param source RULE (a discount rule of the agency made it) or CONVERSATION (offered from the debtor's
 *        conversation, by an operator or an API key)
 * @param ruleName the rule's name when a rule made it
 * @param offeredBy the operator's name, or {@code API: <key name>}, when offered from the conversation
 * @param planId the discounted restructuring plan that signed it, if one did (docs/plans.md)
 * @param schedule the parts agreed when it was signed; empty before
 */
public record ListedOffer(UUID id, UUID debtId, String externalId, UUID contactId, String debtorName,
		String contractNumber, UUID portfolioId, DebtStatus debtStatus, Offer.Status status, Source source, UUID ruleId,
		String ruleName, String offeredBy, int discountPercent, String fullAmount, String offerAmount,
		LocalDate validUntil, String paidSinceAccepted, Instant acceptedAt, Instant madeAt, UUID planId,
		List<ScheduledPart> schedule) {

	public ListedOffer {
		schedule = List.copyOf(schedule);
	}

	/** Who made the offer: one of the agency's rules, or someone in the debtor's conversation. */
	public enum Source {
		RULE, CONVERSATION
	}

	/** A part of a signed offer's schedule. */
	public record ScheduledPart(int number, LocalDate dueOn, String amount) {
	}

	static String roubles(Money amount) {
		return amount == null ? null : amount.roubles().toPlainString();
	}
}
