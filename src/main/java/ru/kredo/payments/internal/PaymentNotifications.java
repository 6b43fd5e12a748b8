package ru.kredo.payments.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.internal.PaymentTransitions.Outcome;

/**
 * Handles a provider's notification without believing it: the body only names a payment, which is then re-read from
 * the provider, and the provider's answer is what {@link PaymentTransitions} applies. A forged body can at most make
 * Kredo ask the provider about a payment again.
 */
@Component
public class PaymentNotifications {

	private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

	private final PaymentProvider provider;
	private final PaymentTransitions transitions;

	PaymentNotifications(PaymentProvider provider, PaymentTransitions transitions) {
		this.provider = provider;
		this.transitions = transitions;
	}

	/**
	 * Handles one notification.
	 *
	 * @throws PaymentProviderUnavailable when the payment cannot be re-read now; the provider should retry later
	 */
	public Outcome receive(String providerName, String body) {
		if (!provider.name().equals(providerName)) {
			return Outcome.IGNORED;
		}
		Optional<String> notified = provider.notifiedPaymentId(body);
		Optional<ProviderPayment> payment = notified.flatMap(provider::read);
		Outcome outcome = payment.map(p -> transitions.apply(provider.name(), p)).orElse(Outcome.IGNORED);
		log.info("Notification from {} about payment {}: {}", providerName, notified.orElse("(none)"), outcome);
		return outcome;
	}
}
