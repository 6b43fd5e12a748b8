package ru.kredo.contacting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.DebtId;

/**
 * The rules of ст. 7 and 8 230-ФЗ as one pure function: given what is asked (a channel, whose initiative, about which
 * debt, until when it means anything), what the debtor already received, the bars standing on him, his zone and the
 * moment, {@link #decide} says whether it goes now, waits, or does not go at all. No state, no clock of its own: the
 * gate ({@code Contacting}) feeds it from the log, and the operator's card asks it what is left.
 * <p>
 * Order of the checks: a code he requested goes at once; a bar refuses a collection contact it covers; then the
 * contact waits for his hours and for its kind's limits, whichever ends later, and is dropped if that is after
 * {@code notAfter}.
 */
public final class ContactRules {

	/** The day's window: any 24 hours (a calendar day of the debtor lies in one). */
	static final Duration DAY = Duration.ofHours(24);
	/** The week's window: any 7 days (a calendar week lies in one). */
	static final Duration WEEK = Duration.ofDays(7);

	private final ContactHours hours;

	public ContactRules(ProductionCalendar days) {
		this.hours = new ContactHours(days);
	}

	public ContactHours hours() {
		return hours;
	}

	/**
	 * What to do with one contact now.
	 *
	 * @param channel how it would reach him (its kind picks the limits)
	 * @param initiative whose initiative it is
	 * @param about the debt it is about, {@code null} for the debtor as a whole (an invitation, a chat notice)
	 * @param notAfter after this it means nothing (a reminder of a date gone by); {@code null}: it never goes stale
	 * @param counted when the debtor received the contacts of the same kind that count (the agency's collection
	 * contacts of the last month at least; older ones are ignored)
	 * @param bars the bars standing on the debtor
	 * @param zone his zone (the agency's when his is unknown)
	 * @param now the moment asked about
	 */
	public Decision decide(Channel channel, Initiative initiative, DebtId about, Instant notAfter,
			Collection<Instant> counted, Collection<Bar> bars, ZoneId zone, Instant now) {
		if (initiative == Initiative.REQUESTED_CODE) {
			return Decision.exempt(now);
		}
		if (initiative == Initiative.COLLECTION) {
			for (Bar bar : bars) {
				if (bar.covers(about)) {
					return Decision.refuse(Reason.of(bar.kind()));
				}
			}
		}
		List<Instant> history = initiative == Initiative.COLLECTION ? sorted(counted) : List.of();
		ContactLimits limits = channel.kind().limits();
		Instant at = now;
		// The reason said is the limit that held it if one did (the hours then only put off its moment), else the hours.
		boolean outOfHours = false;
		Reason limit = null;
		for (int step = 0; step < 8; step++) {
			Instant inHours = hours.nextAllowed(at, zone);
			if (inHours.isAfter(at)) {
				outOfHours = true;
				at = inHours;
			}
			Free free = freeAt(at, history, limits, zone);
			if (!free.at().isAfter(at)) {
				break;
			}
			limit = free.reason();
			at = free.at();
		}
		Reason reason = limit != null ? limit : outOfHours ? Reason.HOURS : null;
		if (!at.isAfter(now)) {
			return Decision.send(now);
		}
		if (notAfter != null && at.isAfter(notAfter)) {
			return Decision.drop(Reason.STALE);
		}
		return Decision.hold(at, reason);
	}

	/** How many contacts of {@code kind} are left to the debtor at {@code now}: in the day's, week's and month's windows. */
	public Left left(ContactKind kind, Collection<Instant> counted, ZoneId zone, Instant now) {
		List<Instant> history = sorted(counted);
		ContactLimits limits = kind.limits();
		return new Left(Math.max(0, limits.day() - inWindow(history, now.minus(DAY), now).size()),
				Math.max(0, limits.week() - inWindow(history, now.minus(WEEK), now).size()),
				Math.max(0, limits.month() - inWindow(history, monthBefore(now, zone), now).size()));
	}

	/** Contacts left in each window. */
	public record Left(int day, int week, int month) {

		/** What is left now: the least of the three. */
		public int now() {
			return Math.min(day, Math.min(week, month));
		}
	}

	/** The earliest moment at or after {@code at} when one more contact fits every window, and the window that held it. */
	private Free freeAt(Instant at, List<Instant> history, ContactLimits limits, ZoneId zone) {
		Instant free = at;
		Reason reason = null;
		Instant dayFree = exit(inWindow(history, at.minus(DAY), at), limits.day(), e -> e.plus(DAY));
		if (dayFree.isAfter(free)) {
			free = dayFree;
			reason = Reason.DAY_LIMIT;
		}
		Instant weekFree = exit(inWindow(history, at.minus(WEEK), at), limits.week(), e -> e.plus(WEEK));
		if (weekFree.isAfter(free)) {
			free = weekFree;
			reason = Reason.WEEK_LIMIT;
		}
		Instant monthFree = exit(inWindow(history, monthBefore(at, zone), at), limits.month(),
				e -> monthExit(e, zone));
		if (monthFree.isAfter(free)) {
			free = monthFree;
			reason = Reason.MONTH_LIMIT;
		}
		return new Free(free, reason);
	}

	private record Free(Instant at, Reason reason) {
	}

	/**
	 * When a window holding {@code within} (oldest first) has room for one more under {@code limit}: at once if it
	 * already has; otherwise when enough of the oldest have left it.
	 */
	private static Instant exit(List<Instant> within, int limit, UnaryOperator<Instant> leaves) {
		if (within.size() < limit) {
			return Instant.MIN;
		}
		return leaves.apply(within.get(within.size() - limit));
	}

	/** The contacts in the window {@code (from, to]}. */
	private static List<Instant> inWindow(List<Instant> history, Instant from, Instant to) {
		List<Instant> within = new ArrayList<>();
		for (Instant e : history) {
			if (e.isAfter(from) && !e.isAfter(to)) {
				within.add(e);
			}
		}
		return within;
	}

	/** The start of the month's window ending at {@code at}: the same moment of the month before, in his zone. */
	static Instant monthBefore(Instant at, ZoneId zone) {
		return at.atZone(zone).minusMonths(1).toInstant();
	}

	/**
	 * The first moment at which {@code e} has left the month's window, to the day: one month on, and a day more while
	 * a shorter month still keeps it (31 January is in the window ending 28 February at any hour).
	 */
	static Instant monthExit(Instant e, ZoneId zone) {
		Instant exit = e.atZone(zone).plusMonths(1).toInstant();
		while (monthBefore(exit, zone).isBefore(e)) {
			exit = exit.atZone(zone).plusDays(1).toInstant();
		}
		return exit;
	}

	private static List<Instant> sorted(Collection<Instant> counted) {
		return counted.stream().sorted().toList();
	}
}
