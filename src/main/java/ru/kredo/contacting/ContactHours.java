package ru.kredo.contacting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import ru.kredo.calendar.ProductionCalendar;

/**
 * The hours of ч. 3 ст. 7 230-ФЗ, in the debtor's local time: 08:00–22:00 on working days, 09:00–20:00 on weekends and
 * non-working holidays, by the Russian production calendar (a Saturday made working is a working day; a weekday off by
 * a transfer is a day off). A shortened pre-holiday day is a working day here.
 */
public final class ContactHours {

	static final LocalTime WORKDAY_FROM = LocalTime.of(8, 0);
	static final LocalTime WORKDAY_UNTIL = LocalTime.of(22, 0);
	static final LocalTime DAY_OFF_FROM = LocalTime.of(9, 0);
	static final LocalTime DAY_OFF_UNTIL = LocalTime.of(20, 0);
	/** How far ahead the next allowed moment is looked for: no calendar keeps a debtor unreachable this long. */
	private static final int MAX_DAYS = 30;

	private final ProductionCalendar days;

	public ContactHours(ProductionCalendar days) {
		this.days = days;
	}

	/** Whether {@code at} is within the contact hours of a debtor living in {@code zone}. */
	public boolean allows(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate date = local.toLocalDate();
		return !time.isBefore(from(date)) && time.isBefore(until(date));
	}

	/** The first moment at or after {@code at} that is within the debtor's contact hours. */
	public Instant nextAllowed(Instant at, ZoneId zone) {
		if (allows(at, zone)) {
			return at;
		}
		ZonedDateTime local = at.atZone(zone);
		LocalDate date = local.toLocalDate();
		if (local.toLocalTime().isBefore(from(date))) {
			return date.atTime(from(date)).atZone(zone).toInstant();
		}
		LocalDate next = date.plusDays(1);
		return next.atTime(from(next)).atZone(zone).toInstant();
	}

	/** When the contact hours that contain {@code at} end (the caller knows {@code at} is within them). */
	public Instant endOfHours(Instant at, ZoneId zone) {
		LocalDate date = at.atZone(zone).toLocalDate();
		return date.atTime(until(date)).atZone(zone).toInstant();
	}

	/** The contact hours of {@code date} in the debtor's zone: when they start and end, in his local time. */
	public Window on(LocalDate date) {
		return new Window(from(date), until(date));
	}

	/** A day's contact hours, local time. */
	public record Window(LocalTime from, LocalTime until) {
	}

	private LocalTime from(LocalDate date) {
		return days.isWorkingDay(date) ? WORKDAY_FROM : DAY_OFF_FROM;
	}

	private LocalTime until(LocalDate date) {
		return days.isWorkingDay(date) ? WORKDAY_UNTIL : DAY_OFF_UNTIL;
	}

	static int maxDays() {
		return MAX_DAYS;
	}
}
