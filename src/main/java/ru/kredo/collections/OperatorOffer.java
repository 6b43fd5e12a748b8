package ru.kredo.collections;

import ru.kredo.money.Money;

/**
 * A settlement an operator offers one debtor on one of his debts from their conversation, as typed: either a discount
 * in whole percent or the sum the debtor is to pay instead of the balance, valid for {@code validDays} from today.
 * It is paid in full by its date, like a rule's offer that allows no parts ({@link PartPolicy#IN_FULL}). See
 * {@link Offers#offerFromConversation} and {@code docs/settlements.md}, «Offered from the conversation».
 *
 * @param discountPercent the discount, or {@code null} when {@code sumToPay} is given
 * @param sumToPay the sum to pay, or {@code null} when {@code discountPercent} is given
 */
public record OperatorOffer(Integer discountPercent, Money sumToPay, int validDays) {

	/** The longest an operator's offer may stay open, as a rule's ({@link OfferRule}). */
	public static final int MOST_VALID_DAYS = 365;
	/** The largest discount any offer may give, as a rule's ({@link OfferRule}): the agency's ceiling is within it. */
	public static final int MOST_PERCENT = 50;

	public OperatorOffer {
		if ((discountPercent == null) == (sumToPay == null)) {
			throw new IllegalArgumentException("Either a discount or a sum to pay");
		}
	}
}
