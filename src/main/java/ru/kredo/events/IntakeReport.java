package ru.kredo.events;

import java.io.Serializable;
import java.util.List;

import ru.kredo.events.IngestionReport.IgnoredField;
import ru.kredo.events.IngestionReport.RejectedEvent;

/**
 * What became of a batch a channel handed to {@link CreditEventIntake}: stored at once ({@link IngestionReport}), or,
 * with Kafka configured, published to the events topic for whichever node consumes it ({@link QueuedReport}). Either
 * way every event was read, and the rejected ones and the unreadable optional fields are known. Serializable: the
 * operator's page carries it to the next page in the session's flash attributes, and sessions are stored (issue 16).
 */
public sealed interface IntakeReport extends Serializable permits IngestionReport, QueuedReport {

	int received();

	List<RejectedEvent> rejected();

	List<IgnoredField> ignored();
}
