package ru.kredo.monitoring;

import java.util.Objects;
import java.util.Set;

import ru.kredo.accounts.UserId;
import ru.kredo.events.CreditEventType;
import ru.kredo.platform.Rejected;

/**
 * How to watch a person: why (segment), how long, for which events (none named: all), by whom, under which consent
 * (none yet: the watch waits for it), and for {@link Segment#PREPARING} what the client was advised to do.
 */
public record WatchTerms(Segment segment, int months, Set<CreditEventType> eventTypes, UserId managerId, String notes,
		Consent consent, Set<Recommendation> recommendations) {

	public static final int DEFAULT_MONTHS = 6;
	static final int MAX_MONTHS = 36;

	public WatchTerms {
		Objects.requireNonNull(segment, "segment");
		if (months < 1 || months > MAX_MONTHS) {
			throw new Rejected("watch.months-invalid", MAX_MONTHS);
		}
		eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
		notes = notes == null || notes.isBlank() ? null : notes.strip();
		recommendations = recommendations == null ? Set.of() : Set.copyOf(recommendations);
	}

	/** Refuses a period outside 1–{@value #MAX_MONTHS} months ({@code watch.months-invalid}). */
	static void validMonths(int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw new Rejected("watch.months-invalid", MAX_MONTHS);
		}
	}

	public static WatchTerms of(Segment segment, Consent consent) {
		return new WatchTerms(segment, DEFAULT_MONTHS, Set.of(), null, null, consent, Set.of());
	}
}
