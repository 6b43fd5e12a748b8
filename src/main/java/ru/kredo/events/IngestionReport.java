package ru.kredo.events;

import java.util.List;

/**
 * What became of a batch: how many events were new, how many had been received before, and each rejected one with
 * its position (line of a file or JSON Lines body, 1-based; index + 1 of a JSON array) and the reason.
 */
public record IngestionReport(int received, int accepted, int duplicates, List<RejectedEvent> rejected) {

	public IngestionReport {
		rejected = List.copyOf(rejected);
	}

	public record RejectedEvent(long line, String eventId, String code, Object[] arguments) {
	}
}
