package ru.kredo.events;

import java.util.List;

/**
 * What became of a batch: how many events were new, how many had been received before, each rejected one with its
 * position (line of a file or JSON Lines body, 1-based; index + 1 of a JSON array) and the reason, and each optional
 * field that could not be read (the event was kept without it).
 */
public record IngestionReport(int received, int accepted, int duplicates, List<RejectedEvent> rejected,
		List<IgnoredField> ignored, int rejectedTotal, int ignoredTotal) implements IntakeReport {

	public IngestionReport {
		rejected = List.copyOf(rejected);
		ignored = List.copyOf(ignored);
	}

	public IngestionReport(int received, int accepted, int duplicates, List<RejectedEvent> rejected) {
		this(received, accepted, duplicates, rejected, List.of());
	}

	/** A report that lists every rejected event and ignored field. */
	public IngestionReport(int received, int accepted, int duplicates, List<RejectedEvent> rejected,
			List<IgnoredField> ignored) {
		this(received, accepted, duplicates, rejected, ignored, rejected.size(), ignored.size());
	}

	/** An event Kredo could not take; {@code eventId} is absent when the event had none (or not as a value). */
	public record RejectedEvent(long line, String eventId, String code, Object[] arguments)
			implements java.io.Serializable {
	}

	/** An optional field of an accepted event that Kredo could not read, e.g. {@code subject.passport}. */
	public record IgnoredField(long line, String eventId, String field, String code, Object[] arguments)
			implements java.io.Serializable {
	}
}
