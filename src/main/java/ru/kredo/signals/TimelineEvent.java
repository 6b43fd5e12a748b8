package ru.kredo.signals;

import java.math.BigDecimal;
import java.time.Instant;

import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;

/** A credit event in a person's timeline, and the signal it went into. */
public record TimelineEvent(long eventId, CreditEventType type, String rutdfCode, Instant occurredAt,
		LenderKind lenderKind, BigDecimal amount, Integer daysPastDue, SignalId signalId) {
}
