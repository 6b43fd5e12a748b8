package ru.kredo.collections;

import java.time.LocalDate;
import java.util.UUID;

import ru.kredo.payments.Money;

/**
 * A pre-approved discount on a debt: pay {@code offerAmount} instead of {@code fullAmount} by {@code validUntil};
 * once accepted and paid, the rest is forgiven (прощение долга, ст. 415 ГК РФ). {@code ruleName} says which rule made it.
 */
public record Offer(UUID id, DebtId debtId, String ruleName, int discountPercent, Money fullAmount, Money offerAmount,
		LocalDate validUntil, Status status, Money paidSinceAccepted) {

	public enum Status {
		OFFERED, ACCEPTED, PAID, LAPSED
	}

	public Money saved() {
		return fullAmount.minus(offerAmount);
	}

	/** What is still to pay on an accepted offer. */
	public Money leftToPay() {
		return paidSinceAccepted.exceeds(offerAmount) ? Money.ZERO : offerAmount.minus(paidSinceAccepted);
	}

	/** The discounted sum: the discount is rounded down to the kopeck, so the debtor never pays a fraction more. */
	static Money discounted(Money full, int percent) {
		return full.minus(Money.ofKopecks(full.kopecks() * percent / 100));
	}
}
