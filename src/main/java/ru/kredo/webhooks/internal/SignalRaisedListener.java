package ru.kredo.webhooks.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.signals.SignalRaised;
import ru.kredo.webhooks.WebhookDeliveries;

/**
 * Turns a raised signal into one pending delivery per enabled endpoint of its tenant. Sending is left to
 * {@link WebhookDispatch}, so a slow CRM never holds up the signals module and a crash loses nothing.
 */
@Component
class SignalRaisedListener {

	private final WebhookDeliveries deliveries;
	private final WebhookPayloads payloads;
	private final Clock clock;

	SignalRaisedListener(WebhookDeliveries deliveries, WebhookPayloads payloads, Clock clock) {
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SignalRaised event) {
		deliveries.enqueue(event.tenantId(), WebhookPayloads.SIGNAL_RAISED, WebhookPayloads.messageId(event),
				payloads.signalRaised(event, clock.instant()));
	}
}
