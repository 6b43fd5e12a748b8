package ru.kredo.payments;

import java.time.Instant;
import java.util.Optional;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * One attempt of a payer to pay an amount towards a payable, through one provider. The aggregate guards its own
 * status: {@link #movedTo} allows only {@code CREATED → PENDING → SUCCEEDED | CANCELED}.
 *
 * @param idempotenceKey the caller's key: starting a payment twice with the same key gives the same payment
 * @param providerPaymentId the provider's id; {@code null} while {@link PaymentStatus#CREATED}
 * @param confirmationUrl where the payer confirms the payment at the provider; {@code null} until the provider answers
 * @param settledAt when it succeeded or was canceled; {@code null} before
 */
public record Payment(PaymentId id, TenantId tenantId, PayableRef payable, Money amount, PaymentMethod method,
		PaymentStatus status, String idempotenceKey, String provider, String providerPaymentId, String confirmationUrl,
		String returnUrl, Instant createdAt, Instant updatedAt, Instant settledAt) {

	public static Payment create(TenantId tenant, PayableRef payable, Money amount, PaymentMethod method,
			String idempotenceKey, String provider, String returnUrl, Instant now) {
		return new Payment(PaymentId.random(), tenant, payable, amount, method, PaymentStatus.CREATED, idempotenceKey,
				provider, null, null, returnUrl, now, now, null);
	}

	/**
	 * This payment in the {@code next} status, or empty when that is not a move it may make. A move that is not
	 * allowed — a repeated status, or a stale one after the payment was settled — is ignored, not an error: providers
	 * notify at least once and in any order, and the provider's re-read state is authoritative, so an old or repeated
	 * state is simply nothing new.
	 */
	public Optional<Payment> movedTo(PaymentStatus next, Instant at) {
		if (!status.canBecome(next)) {
			return Optional.empty();
		}
		return Optional.of(new Payment(id, tenantId, payable, amount, method, next, idempotenceKey, provider,
				providerPaymentId, confirmationUrl, returnUrl, createdAt, at, next.isFinal() ? at : settledAt));
	}

	/** The provider took the payment: it is pending at the provider's id, confirmed at its URL. */
	public Optional<Payment> acceptedBy(String providerId, String confirmation, Instant at) {
		return movedTo(PaymentStatus.PENDING, at).map(pending -> new Payment(id, tenantId, payable, amount, method,
				pending.status(), idempotenceKey, provider, providerId, confirmation, returnUrl, createdAt, at, null));
	}

	/** Whether the caller of a repeated start asked for this same payment, not another under a reused key. */
	public boolean sameRequest(PayableRef otherPayable, Money otherAmount, PaymentMethod otherMethod) {
		return payable.equals(otherPayable) && amount.equals(otherAmount) && method == otherMethod;
	}
}
