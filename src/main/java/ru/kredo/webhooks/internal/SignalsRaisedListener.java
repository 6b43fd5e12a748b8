package ru.kredo.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

	/**
	 * A batch's new signals go as {@code signal.raised}, those open before that folded more events as
	 * {@code signal.folded}: each to the endpoints that receive its type, one statement per type.
	 */
	// Recorded only for a batch with a signal of a tenant that has an enabled endpoint (asked in the batch's
	// transaction, before the event registry stores a publication): a tenant without webhooks costs no publication.
	@ApplicationModuleListener(condition = "@signalsRaisedListener.concerns(#root.args[0])")
	void on(SignalsRaised raised) {
		Map<String, List<SignalRaised>> byType = raised.signals().stream()
			.collect(Collectors.groupingBy(WebhookPayloads::typeOf, LinkedHashMap::new, Collectors.toList()));
		byType.forEach(this::enqueue);
	}

	/** Whether a tenant of the batch has an enabled endpoint, whatever it receives. */
	public boolean concerns(SignalsRaised raised) {
		return !deliveries.listening(raised.tenants()).isEmpty();
	}

	private void enqueue(String type, List<SignalRaised> signals) {
		Set<TenantId> listening = deliveries.listening(type, signals.stream().map(SignalRaised::tenantId).toList());
		if (listening.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		deliveries.enqueue(type, signals.stream()
			.filter(signal -> listening.contains(signal.tenantId()))
			.map(signal -> new Message(signal.tenantId(), WebhookPayloads.messageId(signal),
					payloads.signalRaised(signal, now), signal.signalId().toString()))
			.toList());
	}
}
