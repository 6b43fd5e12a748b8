package ru.kredo.events;

import java.math.BigDecimal;
import java.time.Instant;

import ru.kredo.privacy.BlindIndex;

/**
 * A credit event as stored: its id, and the blind indexes that find its subject; no identity in the clear.
 *
 * @param ofInterest whether its subject may be a person of interest ({@link PeopleOfInterest}): only such an event
 * can match a watch, and only such an event keeps its subject in storage
 */
public record RecordedEvent(long id, CreditEventType type, Instant occurredAt, BlindIndex passportIndex,
		BlindIndex nameAndBirthDateIndex, LenderKind lenderKind, BigDecimal amount, Integer daysPastDue,
		boolean ofInterest) {
}
