package ru.kredo.signals;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.Segment;

/**
 * What the queue shows; {@code null} fields do not filter.
 *
 * @param maxPriority show priorities 1 up to this one
 */
public record SignalFilter(SignalStatus status, Integer maxPriority, Segment segment, ListId listId, UserId assigneeId,
		ContactId contactId) {

	public SignalFilter {
		status = status == null ? SignalStatus.OPEN : status;
	}

	public static SignalFilter open() {
		return new SignalFilter(SignalStatus.OPEN, null, null, null, null, null);
	}
}
