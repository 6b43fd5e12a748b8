package ru.kredo.crm.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantId;

/**
 * Queues each raised (or folded) signal of a tenant whose Bitrix24 portal is connected; {@link Bitrix24Dispatch}
 * carries it over, so a slow portal never holds up the signals module, and the event registry re-delivers the event
 * after a crash (the queue's unique key drops the repeat).
 */
@Component
class SignalsToBitrix24 {

	private final CrmDeliveries deliveries;
	private final Bitrix24Accounts accounts;
	private final Clock clock;

	SignalsToBitrix24(CrmDeliveries deliveries, Bitrix24Accounts accounts, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.clock = clock;
	}

	// Recorded only for a batch with a signal of a tenant whose Bitrix24 is connected: see SignalsToAmoCrm.
	@ApplicationModuleListener(condition = "@signalsToBitrix24.concerns(#root.args[0])")
	void on(SignalsRaised raised) {
		Set<TenantId> connected = new HashSet<>(
				accounts.connected(raised.signals().stream().map(SignalRaised::tenantId).toList()));
		if (connected.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		raised.signals().stream().filter(signal -> connected.contains(signal.tenantId()))
			.forEach(signal -> deliveries.enqueue(Crm.BITRIX24, signal, now));
	}

	/** Whether a tenant of the batch has Bitrix24 connected. */
	public boolean concerns(SignalsRaised raised) {
		return !accounts.connected(raised.tenants()).isEmpty();
	}
}
