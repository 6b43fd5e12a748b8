package ru.kredo.signals;

/**
 * A line of the queue: the signal, whose it is (with his id in the tenant's own system, {@code externalId}), and the
 * list he came from.
 */
public record QueueLine(Signal signal, String contactName, String listName, String externalId) {

	public QueueLine(Signal signal, String contactName, String listName) {
		this(signal, contactName, listName, null);
	}
}
