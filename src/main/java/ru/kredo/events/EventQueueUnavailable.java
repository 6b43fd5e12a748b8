package ru.kredo.events;

/**
 * The Kafka broker did not acknowledge every event of a batch. The events before may have been published and will
 * be stored; sending the batch again is safe, since (source, event id) makes a repeat a duplicate.
 */
public class EventQueueUnavailable extends RuntimeException {

	public EventQueueUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
