package ru.kredo.events;

import java.util.List;
import java.util.Objects;

/**
 * Published, inside the batch's transaction, with the events of a batch that were new (duplicates left out).
 *
 * @param tally where a listener tells how many of the events matched and how many signals they raised; read by the
 *        ingestion after the chunk commits, for its upload's counts
 */
public record CreditEventsRecorded(List<RecordedEvent> events, MatchTally tally) {

	public CreditEventsRecorded {
		events = List.copyOf(events);
		Objects.requireNonNull(tally, "tally");
	}

	/** Events whose matching nobody counts. */
	public CreditEventsRecorded(List<RecordedEvent> events) {
		this(events, new MatchTally());
	}
}
