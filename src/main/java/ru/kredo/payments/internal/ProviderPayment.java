package ru.kredo.payments.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.TenantId;

/**
 * A payment as the provider itself reports it.
 *
 * @param status the provider's status in Kredo's terms (ЮKassa's {@code waiting_for_capture} is still pending)
 * @param tenantId the tenant Kredo named in the payment's metadata when it created it; empty for a foreign payment
 * @param paymentId Kredo's payment, from the same metadata
 * @param json the provider's answer as received, kept as the receipt once the payment settles
 * @param capturedAt when the payer's money was taken, as the provider says (ЮKassa's {@code captured_at}); empty while
 *        it is not paid, or when the provider does not say
 * @param refunded what the provider has returned of it to the payer (ЮKassa's {@code refunded_amount}); zero when none
 */
public record ProviderPayment(String id, PaymentStatus status, Money amount, String confirmationUrl,
		Optional<TenantId> tenantId, Optional<PaymentId> paymentId, String json, Optional<Instant> capturedAt,
		Money refunded) {

	public ProviderPayment {
		refunded = refunded == null ? Money.ZERO : refunded;
	}

	static final String TENANT_METADATA = "kredo_tenant";
	static final String PAYMENT_METADATA = "kredo_payment";

	static Optional<TenantId> tenant(String metadata) {
		return uuid(metadata).map(TenantId::new);
	}

	static Optional<PaymentId> payment(String metadata) {
		return uuid(metadata).map(PaymentId::new);
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return value == null || value.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
