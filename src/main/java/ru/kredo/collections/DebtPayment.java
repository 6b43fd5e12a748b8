package ru.kredo.collections;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.money.Money;

/** A payment applied to a debt, and how it was split over the components. */
public record DebtPayment(UUID paymentId, Money amount, DebtComponents split, Instant paidAt, boolean outside) {

	/** A payment through a provider ({@code outside}: received by the agency outside Kredo). */
	public DebtPayment(UUID paymentId, Money amount, DebtComponents split, Instant paidAt) {
		this(paymentId, amount, split, paidAt, false);
	}
}
