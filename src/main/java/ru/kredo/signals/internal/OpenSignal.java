package ru.kredo.signals.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import ru.kredo.events.CreditEventType;
import ru.kredo.events.RecordedEvent;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchedPerson;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalWording;

/** An open signal while a batch is being folded into it. */
final class OpenSignal {

	final UUID id;
	final WatchedPerson person;
	final CreditEventType type;
	final int priority;
	int count;
	final Instant firstEventAt;
	Instant lastEventAt;
	BigDecimal amount;
	/** Read open from the database: a batch's events fold into it (webhook signal.folded), it was not raised now. */
	final boolean existing;

	OpenSignal(UUID id, WatchedPerson person, RecordedEvent first, int priority) {
		this(id, person, first.type(), priority, 1, first.occurredAt(), first.occurredAt(), first.amount(), false);
	}

	private OpenSignal(UUID id, WatchedPerson person, CreditEventType type, int priority, int count,
			Instant firstEventAt, Instant lastEventAt, BigDecimal amount, boolean existing) {
		this.existing = existing;
		this.id = id;
		this.person = person;
		this.type = type;
		this.priority = priority;
		this.count = count;
		this.firstEventAt = firstEventAt;
		this.lastEventAt = lastEventAt;
		this.amount = amount;
	}

	static OpenSignal existing(ResultSet row, WatchedPerson person) throws SQLException {
		return new OpenSignal(row.getObject("id", UUID.class), person, CreditEventType.valueOf(row.getString("event_type")),
				row.getInt("priority"), row.getInt("event_count"), row.getTimestamp("first_event_at").toInstant(),
				row.getTimestamp("last_event_at").toInstant(), row.getBigDecimal("amount"), true);
	}

	void fold(RecordedEvent event) {
		count++;
		if (event.occurredAt().isAfter(lastEventAt)) {
			lastEventAt = event.occurredAt();
			amount = event.amount() != null ? event.amount() : amount;
		}
	}

	SignalRaised raised(SignalWording wording) {
		Watch watch = person.watch();
		return new SignalRaised(watch.tenantId(), id, watch.id().value(), watch.contactId().value(), person.contactName(),
				watch.segment(), type, priority, wording.russian(watch.segment(), type,
				Recommendation.metBy(type).filter(watch.recommendations()::contains).isPresent()), count, lastEventAt,
				watch.listId() == null ? null : watch.listId().value(), person.listName(), person.externalId(), existing);
	}
}
