package ru.kredo.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * One attempt of a payer to pay an amount towards a payable, or towards several at once, through one provider. The
 * aggregate guards its own status: {@link #movedTo} allows only {@code CREATED → PENDING → SUCCEEDED | CANCELED}.
 *
 * @param payable what it pays for; {@code null} for a combined payment, which pays its {@code parts}
 * @param idempotenceKey the caller's key: starting a payment twice with the same key gives the same payment
 * @param providerPaymentId the provider's id; {@code null} while {@link PaymentStatus#CREATED}
 * @param confirmationUrl where the payer confirms the payment at the provider; {@code null} until the provider answers
 * @param settledAt when it succeeded or was canceled; {@code null} before
 * @param parts a combined payment's parts, one per payable, adding up to {@code amount}; empty for a payment towards
 *        one payable (see {@link #shares})
 */
public record Payment(PaymentId id, TenantId tenantId, PayableRef payable, Money amount, PaymentMethod method,
		PaymentStatus status, String idempotenceKey, String provider, String providerPaymentId, String confirmationUrl,
		String returnUrl, Instant createdAt, Instant updatedAt, Instant settledAt, List<PaymentPart> parts) {

	public Payment {
		parts = List.copyOf(parts);
		if ((payable == null) == parts.isEmpty()) {
			throw new IllegalArgumentException("A payment pays one payable or its parts: " + id);
		}
		if (!parts.isEmpty() && !parts.stream().map(PaymentPart::amount).reduce(Money.ZERO, Money::plus).equals(amount)) {
			throw new IllegalArgumentException("The parts of payment " + id + " do not add up to " + amount);
		}
	}

	public static Payment create(TenantId tenant, PayableRef payable, Money amount, PaymentMethod method,
			String idempotenceKey, String provider, String returnUrl, Instant now) {
		return new Payment(PaymentId.random(), tenant, payable, amount, method, PaymentStatus.CREATED, idempotenceKey,
				provider, null, null, returnUrl, now, now, null, List.of());
	}

	/** A combined payment: one at the provider, for the sum of its parts. */
	public static Payment combined(TenantId tenant, List<PaymentPart> parts, PaymentMethod method,
			String idempotenceKey, String provider, String returnUrl, Instant now) {
		return new Payment(PaymentId.random(), tenant, null,
				parts.stream().map(PaymentPart::amount).reduce(Money.ZERO, Money::plus), method, PaymentStatus.CREATED,
				idempotenceKey, provider, null, null, returnUrl, now, now, null, parts);
	}

	/** Whether it pays several payables' parts («Оплатить всё») rather than one payable. */
	public boolean isCombined() {
		return payable == null;
	}

	/** What each payable gets of it: its parts, or for a payment towards one payable the whole amount. */
	public List<PaymentPart> shares() {
		return isCombined() ? parts : List.of(new PaymentPart(payable, amount, null));
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
				providerPaymentId, confirmationUrl, returnUrl, createdAt, at, next.isFinal() ? at : settledAt, parts));
	}

	/** The provider took the payment: it is pending at the provider's id, confirmed at its URL. */
	public Optional<Payment> acceptedBy(String providerId, String confirmation, Instant at) {
		return movedTo(PaymentStatus.PENDING, at).map(pending -> new Payment(id, tenantId, payable, amount, method,
				pending.status(), idempotenceKey, provider, providerId, confirmation, returnUrl, createdAt, at, null,
				parts));
	}

	/** Whether the caller of a repeated start asked for this same payment, not another under a reused key. */
	public boolean sameRequest(PayableRef otherPayable, Money otherAmount, PaymentMethod otherMethod) {
		return payable != null && payable.equals(otherPayable) && amount.equals(otherAmount) && method == otherMethod;
	}

	/** This combined payment as the one payable sees it: its part, in the place of the whole (a debt's history). */
	public Payment asPartOf(PayableRef one) {
		return parts.stream().filter(part -> part.payable().equals(one)).findFirst()
			.map(part -> new Payment(id, tenantId, one, part.amount(), method, status, idempotenceKey, provider,
					providerPaymentId, confirmationUrl, returnUrl, createdAt, updatedAt, settledAt, List.of()))
			.orElse(this);
	}
}
