package ru.kredo.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date and what it is. {@code provisional} is true for a year no decree is encoded for: its holidays and their
 * moves follow ст. 112 ТК РФ, but the Government may still transfer days (docs/calendar.md).
 */
public record CalendarDay(LocalDate date, DayKind kind, boolean provisional) {

	public CalendarDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
	}

	public boolean isWorking() {
		return kind.isWorking();
	}
}
