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

	/**
	 * How many events were rejected: {@link #rejected()} lists the first {@link #LISTED} of them only, since a body of
	 * millions of empty objects otherwise made an answer fifty times its size, held in memory whole.
	 */
	int rejectedTotal();

	/** How many optional fields were ignored; {@link #ignored()} lists the first {@link #LISTED}. */
	int ignoredTotal();

	/** The most rejected events, and the most ignored fields, a report of a body lists one by one. */
	int LISTED = 1000;
}
