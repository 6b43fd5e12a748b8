package ru.kredo.signals;

import java.math.BigDecimal;
import java.time.Instant;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchId;
import ru.kredo.tenancy.TenantId;

/**
 * What one or more credit events of one type mean for one watch. {@code count} events have folded into it since
 * {@code firstEventAt}.
 *
 * @param priority 1 (act today) to 5 (for information)
 * @param amount the amount of the latest event, when the bureau gave one (a loan's sum, say)
 * @param adviceFollowed the event is one the watch recommended (closing extra cards, curing an overdue): the person
 *        did what he was advised; {@code false} for a person who was advised nothing of the kind
 */
public record Signal(SignalId id, TenantId tenantId, WatchId watchId, ContactId contactId, ListId listId,
		Segment segment, CreditEventType eventType, int priority, int count, Instant firstEventAt, Instant lastEventAt,
		BigDecimal amount, SignalStatus status, UserId assigneeId, Outcome outcome, Instant closedAt,
		boolean adviceFollowed) {

	/** A broker's commission is due: the loan of a client under contract was disbursed. */
	public boolean commissionDue() {
		return segment == Segment.IN_PROGRESS && eventType == CreditEventType.LOAN_DISBURSED;
	}

	/**
	 * A debtor in bankruptcy: every collection contact must stop (230-ФЗ). Such a signal is a warning, never a call to
	 * make: it is kept out of «Позвонить сегодня» and shown under «Не контактировать».
	 */
	public boolean stopContact() {
		return eventType == STOP_CONTACT;
	}

	/** The one event type that means «do not contact»; the queries that keep it apart name it through this. */
	public static final CreditEventType STOP_CONTACT = CreditEventType.BANKRUPTCY;
}
