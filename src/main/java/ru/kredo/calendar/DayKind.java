package ru.kredo.calendar;

/** What a day is in the Russian production calendar (five-day week). */
public enum DayKind {

	/** An ordinary working day (a Saturday or Sunday the Government made working is one too). */
	WORKING,
	/** A working day one hour shorter, as the day before a non-working holiday is (ст. 95 ТК РФ). */
	SHORTENED,
	/** Saturday or Sunday. */
	WEEKEND,
	/** A non-working public holiday (нерабочий праздничный день, ст. 112 ТК РФ). */
	HOLIDAY,
	/**
	 * A weekday off because a day off was moved to it: a holiday that fell on a weekend (ч. 2 ст. 112 ТК РФ), or a
	 * transfer by the Government's decree.
	 */
	TRANSFERRED_DAY_OFF;

	/** Whether people work on it (a shortened day is worked). */
	public boolean isWorking() {
		return this == WORKING || this == SHORTENED;
	}
}
