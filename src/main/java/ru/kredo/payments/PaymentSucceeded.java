package ru.kredo.payments;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A payment's money has arrived: published once per payment and payable, in the transaction that moves it to
 * {@link PaymentStatus#SUCCEEDED}, after the provider itself confirmed it. Duplicate, late or forged notifications
 * never publish it again. A payment towards one debt publishes one, for its whole amount; a combined payment
 * («Оплатить всё») one per part, with the same {@code paymentId}, the part's debt and the part's {@code amount}. The
 * consumer of a debt's balance splits {@code amount} with collections' {@code Allocations}.
 */
public record PaymentSucceeded(TenantId tenantId, PaymentId paymentId, UUID debtId, Money amount, Instant succeededAt,
		boolean outside) {

	/** A payment through a provider ({@code outside}: received by the agency outside Kredo, recorded through its API). */
	public PaymentSucceeded(TenantId tenantId, PaymentId paymentId, UUID debtId, Money amount, Instant succeededAt) {
		this(tenantId, paymentId, debtId, amount, succeededAt, false);
	}
}
