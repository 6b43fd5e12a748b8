package ru.kredo.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.money.Money;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentPart;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.payments.PaymentSucceeded;

/**
 * Applies what a provider says about a payment, under the payment's row lock: the status moves only along the state
 * machine, so a repeated or stale state changes nothing, and {@link PaymentSucceeded} is published in the one
 * transaction that makes the payment succeed (once per payable: a combined payment's parts each get theirs).
 */
@Component
public class PaymentTransitions {

	private static final Logger log = LoggerFactory.getLogger(PaymentTransitions.class);

	private final PaymentRows rows;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PaymentTransitions(PaymentRows rows, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.events = events;
		this.clock = clock;
	}

	/** Whether what the provider said changed the payment. */
	public enum Outcome {
		APPLIED, IGNORED
	}

	/** The provider took a payment Kredo created: record its id and confirmation, then whatever status it reports. */
	@Transactional
	public Payment accepted(Payment created, String provider, ProviderPayment answer) {
		Payment payment = rows.lock(created.tenantId(), created.id()).orElseThrow();
		if (payment.status() == PaymentStatus.CREATED) {
			payment = payment.acceptedBy(answer.id(), answer.confirmationUrl(), clock.instant()).orElseThrow();
			rows.update(payment, null);
		}
		apply(payment, provider, answer);
		return rows.find(created.tenantId(), created.id()).orElseThrow();
	}

	/**
	 * Stores a payment received outside Kredo, already succeeded, and publishes {@link PaymentSucceeded} for it in the
	 * same transaction, as a provider's payment that succeeds does: collections applies it to the debt the same way.
	 *
	 * @return {@code false}, having stored and published nothing, when the debt already has a payment received that
	 *         day under that reference
	 */
	public boolean received(Payment payment, java.time.LocalDate receivedOn, String reference) {
		if (payment.status() != PaymentStatus.SUCCEEDED || payment.isCombined()) {
			throw new IllegalArgumentException("A payment received outside Kredo is one debt's, succeeded: " + payment.id());
		}
		if (!rows.insertReceived(payment, receivedOn, reference)) {
			return false;
		}
		events.publishEvent(new PaymentSucceeded(payment.tenantId(), payment.id(), payment.payable().debtId(),
				payment.amount(), payment.settledAt(), true));
		return true;
	}

	/**
	 * Applies a payment as the provider reports it when re-read. Ignores a payment Kredo does not have, one that is
	 * another provider's, and one whose amount differs from what Kredo asked for.
	 */
	@Transactional
	public Outcome apply(String provider, ProviderPayment answer) {
		if (answer.tenantId().isEmpty() || answer.paymentId().isEmpty()) {
			return Outcome.IGNORED;
		}
		Optional<Payment> payment = rows.lock(answer.tenantId().get(), answer.paymentId().get());
		return payment.map(p -> apply(p, provider, answer)).orElse(Outcome.IGNORED);
	}

	private Outcome apply(Payment payment, String provider, ProviderPayment answer) {
		if (!payment.provider().equals(provider) || !answer.id().equals(payment.providerPaymentId())) {
			return Outcome.IGNORED;
		}
		if (!payment.amount().equals(answer.amount())) {
			log.warn("Provider {} reports payment {} for {}, not {}; ignored", provider, payment.id(), answer.amount(),
					payment.amount());
			return Outcome.IGNORED;
		}
		Optional<Payment> moved = payment.movedTo(answer.status(), when(payment, answer));
		moved.ifPresent(next -> {
			rows.update(next, next.status().isFinal() ? answer.json() : null);
			if (next.status() == PaymentStatus.SUCCEEDED) {
				// One event per payable it pays: a combined payment's parts in their order (by debt id, the order in
				// which they were locked when it started), each with its own amount.
				for (PaymentPart part : next.shares()) {
					events.publishEvent(new PaymentSucceeded(next.tenantId(), next.id(), part.payable().debtId(),
							part.amount(), next.settledAt()));
				}
			}
		});
		// A refund the agency made in the provider's cabinet: recorded and shown, the debt left as it is (whether the
		// money returned was an overpayment or a payment of the debt is the agency's to say).
		boolean refunded = answer.refunded().exceeds(Money.ZERO) && rows.recordRefunded(payment, answer.refunded());
		if (refunded) {
			log.warn("Provider {} reports {} of payment {} of tenant {} refunded to the payer", provider, answer.refunded(),
					payment.id(), payment.tenantId());
		}
		return moved.isPresent() || refunded ? Outcome.APPLIED : Outcome.IGNORED;
	}

	/**
	 * When the payment counts as made: for a paid one, when the provider took the payer's money ({@code captured_at}),
	 * not when Kredo heard of it — a notification may come hours later (ЮKassa retries while Kredo is down or cannot
	 * re-read), and the day decides whether a settlement's part or a plan's instalment was paid in time. Never before
	 * Kredo started the payment nor after now (a provider's clock is not believed beyond what is possible); anything
	 * else, and a provider that does not say, is now.
	 */
	private Instant when(Payment payment, ProviderPayment answer) {
		Instant now = clock.instant();
		if (answer.status() != PaymentStatus.SUCCEEDED || answer.capturedAt().isEmpty()) {
			return now;
		}
		Instant captured = answer.capturedAt().get();
		if (captured.isAfter(now)) {
			return now;
		}
		return captured.isBefore(payment.createdAt()) ? payment.createdAt() : captured;
	}
}
