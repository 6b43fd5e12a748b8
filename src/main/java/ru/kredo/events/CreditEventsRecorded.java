package ru.kredo.events;

import java.util.List;

/** Published, inside the batch's transaction, with the events of a batch that were new (duplicates left out). */
public record CreditEventsRecorded(List<RecordedEvent> events) {

	public CreditEventsRecorded {
		events = List.copyOf(events);
	}
}
