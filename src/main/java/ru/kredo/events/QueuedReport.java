package ru.kredo.events;

import java.util.List;

import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.events.IngestionReport.RejectedEvent;

/**
 * A batch published to the events topic (Kafka): every valid event is acknowledged by the broker ({@code acks=all}),
 * so none is lost, and will be stored by a consuming node; how many of them are new and how many were received before
 * is decided there and not known here. The rejected events and unreadable optional fields are reported as when stored.
 *
 * @param queued the valid events published, each once
 */
public record QueuedReport(int received, int queued, List<RejectedEvent> rejected, List<IgnoredField> ignored,
		int rejectedTotal, int ignoredTotal) implements IntakeReport {

	public QueuedReport {
		rejected = List.copyOf(rejected);
		ignored = List.copyOf(ignored);
	}
}
