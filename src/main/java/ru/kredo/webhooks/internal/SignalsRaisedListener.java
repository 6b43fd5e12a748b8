package ru.kredo.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDeliveries.Message;

/**
 * Turns each raised signal into one pending delivery per enabled endpoint of its tenant. Sending is left to
 * {@link WebhookDispatch}, so a slow CRM never holds up the signals module and a crash loses nothing.
 */
@Component
class SignalsRaisedListener {

	private final WebhookDeliveries deliveries;
	private final WebhookPayloads payloads;
	private final Clock clock;

	SignalsRaisedListener(WebhookDeliveries deliveries, WebhookPayloads payloads, Clock clock) {
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SignalsRaised raised) {
		Set<TenantId> listening = deliveries.listening(WebhookPayloads.SIGNAL_RAISED,
				raised.signals().stream().map(SignalRaised::tenantId).toList());
		if (listening.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		deliveries.enqueue(WebhookPayloads.SIGNAL_RAISED, raised.signals().stream()
			.filter(signal -> listening.contains(signal.tenantId()))
			.map(signal -> new Message(signal.tenantId(), WebhookPayloads.messageId(signal), payloads.signalRaised(signal, now)))
			.toList());
	}
}
