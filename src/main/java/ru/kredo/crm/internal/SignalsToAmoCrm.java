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
 * Queues each raised (or folded) signal of a tenant whose amoCRM is connected; {@link AmoCrmDispatch} carries it over,
 * so a slow amoCRM never holds up the signals module, and the event registry re-delivers the event after a crash (the
 * queue's unique key drops the repeat).
 */
@Component
class SignalsToAmoCrm {

	private final CrmDeliveries deliveries;
	private final Clock clock;

	SignalsToAmoCrm(CrmDeliveries deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	// Only a batch with a signal of a connected tenant is recorded for this listener (the condition is asked in the
	// batch's transaction, before the event registry stores a publication): most tenants connect no CRM, and each
	// publication is the whole batch's signals written, read back and deleted (docs/bench/ingestion.md).
	@ApplicationModuleListener(condition = "@signalsToAmoCrm.concerns(#root.args[0])")
	void on(SignalsRaised raised) {
		Set<TenantId> connected = new HashSet<>(
				deliveries.connected(raised.signals().stream().map(SignalRaised::tenantId).toList()));
		if (connected.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		raised.signals().stream().filter(signal -> connected.contains(signal.tenantId()))
			.forEach(signal -> deliveries.enqueue(signal, now));
	}

	/** Whether a tenant of the batch has amoCRM connected. */
	public boolean concerns(SignalsRaised raised) {
		return !deliveries.connected(raised.tenants()).isEmpty();
	}
}
