package ru.kredo.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import ru.kredo.platform.ControlCharacters;
import ru.kredo.platform.Rejected;

/**
 * One event of a person's credit life, as a bureau reports it. Delivery is at least once, so {@code source} and
 * {@code eventId} together identify it: the same pair twice is the same event.
 */
public record CreditEvent(String source, String eventId, CreditEventType type, Instant occurredAt, Subject subject,
		LenderKind lenderKind, BigDecimal amount, Integer daysPastDue) {

	public CreditEvent {
		source = required(source, "event.source-required");
		eventId = required(eventId, "event.id-required");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(subject, "subject");
		if (amount != null && amount.signum() < 0) {
			throw new Rejected("event.amount-invalid");
		}
		if (daysPastDue != null && daysPastDue < 0) {
			throw new Rejected("event.days-past-due-invalid");
		}
	}

	private static String required(String value, String code) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new Rejected(code);
		}
		// Stored as text: PostgreSQL refuses U+0000 there, which failed the whole request with a 500.
		return ControlCharacters.requireNone(trimmed);
	}
}
