package ru.kredo.payments;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A payment's money has arrived: published once per payment, in the transaction that moves it to
 * {@link PaymentStatus#SUCCEEDED}, after the provider itself confirmed it. Duplicate, late or forged notifications
 * never publish it again. The consumer of a debt's balance splits {@code amount} with collections' {@code Allocations}.
 */
public record PaymentSucceeded(TenantId tenantId, PaymentId paymentId, UUID debtId, Money amount, Instant succeededAt) {
}
