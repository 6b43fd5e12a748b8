package ru.kredo.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.calendar.WorkingHours;

/**
 * The first-reply SLA, counted in the agency's working time: a debtor's unanswered message is due an answer once
 * {@link #target()} of the agency's {@link #hours()} on its working days (the production calendar: no weekends, no
 * public holidays, a shortened day an hour shorter) has passed since it was written, in the agency's zone.
 */
@Component
public class FirstReply {

	/** The largest target accepted: two working weeks of eight-hour days. */
	public static final Duration MAX_TARGET = Duration.ofHours(80);

	private final Clock clock;
	private final ZoneId zone;
	private final ProductionCalendar days;
	private final WorkingHours hours;
	private final Duration target;

	@Autowired
	FirstReply(Clock clock, BusinessCalendar calendar, FirstReplySettings settings) {
		this(clock, calendar.agencyZone(), calendar.days(), hours(settings.workingHours()), settings.firstReply());
	}

	public FirstReply(Clock clock, ZoneId zone, ProductionCalendar days, WorkingHours hours, Duration target) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.days = Objects.requireNonNull(days, "days");
		this.hours = Objects.requireNonNull(hours, "hours");
		this.target = Objects.requireNonNull(target, "target");
		if (target.isNegative() || target.isZero() || target.compareTo(MAX_TARGET) > 0) {
			throw new IllegalArgumentException(
					"kredo.conversations.first-reply is more than zero and at most " + MAX_TARGET + ": " + target);
		}
	}

	/** {@code 09:00-18:00} (or with an en dash) as working hours; a clear refusal of anything else. */
	static WorkingHours hours(String text) {
		String[] bounds = text == null ? new String[0] : text.strip().split("\\s*[-–]\\s*");
		try {
			if (bounds.length == 2) {
				return WorkingHours.of(bounds[0], bounds[1]);
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("kredo.conversations.working-hours is HH:mm-HH:mm, the end after the start: "
					+ text, ex);
		}
		throw new IllegalArgumentException("kredo.conversations.working-hours is HH:mm-HH:mm: " + text);
	}

	public WorkingHours hours() {
		return hours;
	}

	public Duration target() {
		return target;
	}

	public Instant now() {
		return clock.instant();
	}

	/** When a message written at {@code waitingSince} is due an answer: {@link #target()} of working time later. */
	public Instant dueAt(Instant waitingSince) {
		return days.afterWorkingTime(waitingSince, target, zone, hours);
	}

	/** Where a conversation waiting since {@code waitingSince} stands at {@code now}. */
	public Due of(Instant waitingSince, Instant now) {
		Instant due = dueAt(waitingSince);
		return new Due(due, now.isAfter(due), days.workingTimeBetween(waitingSince, now, zone, hours));
	}

	/** Where a conversation waiting since {@code waitingSince} stands now. */
	public Due of(Instant waitingSince) {
		return of(waitingSince, now());
	}

	/**
	 * The latest moment (to the microsecond, as the database keeps it) a debtor may have started waiting and be overdue
	 * at {@code now}: a conversation waiting since then or earlier is overdue, one waiting since later is not (the due
	 * moment never comes earlier for a later message). For the inbox's filter, in SQL.
	 */
	public Instant overdueSince(Instant now) {
		Instant notOverdue = now.minus(target); // due no earlier than now: working time is no more than wall time
		Duration step = target;
		Instant overdue = notOverdue.minus(step).truncatedTo(ChronoUnit.MICROS);
		while (!now.isAfter(dueAt(overdue))) {
			notOverdue = overdue;
			step = step.multipliedBy(2);
			overdue = overdue.minus(step);
		}
		while (ChronoUnit.MICROS.between(overdue, notOverdue) > 1) {
			Instant middle = overdue.plus(Duration.between(overdue, notOverdue).dividedBy(2)).truncatedTo(ChronoUnit.MICROS);
			if (now.isAfter(dueAt(middle))) {
				overdue = middle;
			}
			else {
				notOverdue = middle;
			}
		}
		return overdue;
	}

	/**
	 * A waiting conversation's first reply.
	 *
	 * @param dueAt when the answer is due
	 * @param overdue whether that moment has passed
	 * @param waited how much of the agency's working time the debtor has waited
	 */
	public record Due(Instant dueAt, boolean overdue, Duration waited) {

		/** Whole hours of {@link #waited()}. */
		public long waitedHours() {
			return waited.toHours();
		}

		/** Minutes past {@link #waitedHours()}. */
		public int waitedMinutes() {
			return waited.toMinutesPart();
		}
	}
}
