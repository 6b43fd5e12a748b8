package ru.kredo.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The hours of a working day, such as an agency's 09:00–18:00; a shortened pre-holiday day ends an hour earlier.
 * The end is after the start: a working day does not cross midnight.
 */
public record WorkingHours(LocalTime start, LocalTime end) {

	public WorkingHours {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("Working hours end after they start: " + start + "–" + end);
		}
	}

	public static WorkingHours of(String start, String end) {
		return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
	}

	/** When a day of this kind ends work: an hour earlier on a shortened day, but never before it starts. */
	LocalTime endOn(DayKind kind) {
		if (kind != DayKind.SHORTENED) {
			return end;
		}
		LocalTime shortened = end.minusHours(1);
		return shortened.isAfter(start) && shortened.isBefore(end) ? shortened : start;
	}
}
