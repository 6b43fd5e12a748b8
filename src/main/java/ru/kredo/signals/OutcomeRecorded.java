package ru.kredo.signals;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.tenancy.TenantId;

/**
 * A manager (or an integrator with an API key) recorded how working a signal ended ({@link Signals#close}): the
 * signal is closed with its {@link Outcome}. Published once, in the transaction that closes it, through the event
 * publication registry.
 *
 * @param count how many events the signal had folded
 * @param listId the monitoring list of its watch; {@code null} for an individual watch
 */
public record OutcomeRecorded(TenantId tenantId, UUID signalId, UUID watchId, UUID contactId, UUID listId,
		Segment segment, CreditEventType eventType, int count, Outcome outcome, Instant closedAt) {

	public OutcomeRecorded {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(signalId, "signalId");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(closedAt, "closedAt");
	}

	static OutcomeRecorded of(Signal closed) {
		return new OutcomeRecorded(closed.tenantId(), closed.id().value(), closed.watchId().value(),
				closed.contactId().value(), closed.listId() == null ? null : closed.listId().value(), closed.segment(),
				closed.eventType(), closed.count(), closed.outcome(), closed.closedAt());
	}
}
