package ru.kredo.collections;

import java.time.LocalDate;

/** How far apart the parts of an accepted offer fall due. */
public enum PartInterval {

	WEEK, TWO_WEEKS, MONTH;

	/**
	 * The date {@code steps} intervals after {@code first}, counted from {@code first} each time so that months do not
	 * drift (31 January, then 28 February, then 31 March).
	 */
	public LocalDate after(LocalDate first, int steps) {
		return switch (this) {
			case WEEK -> first.plusWeeks(steps);
			case TWO_WEEKS -> first.plusWeeks(2L * steps);
			case MONTH -> first.plusMonths(steps);
		};
	}
}
