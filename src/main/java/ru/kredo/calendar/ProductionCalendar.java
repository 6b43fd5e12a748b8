package ru.kredo.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Russian production calendar for a five-day week: which days are worked, which are weekends, non-working
 * holidays (ст. 112 ТК РФ), weekdays off by a transfer, and shortened pre-holiday days (ст. 95 ТК РФ).
 * <p>
 * A year whose Government decree is encoded ({@code calendar/ru/<year>.txt}) is read from it. Any other year is
 * <em>provisional</em>: computed from ст. 112 alone (a holiday that falls on a weekend moves the day off to the next
 * working day, except for 1–8 January, whose weekends only a decree moves; the working day just before a holiday is
 * one hour shorter), and a warning is logged the first time it is used. docs/calendar.md says how to add a year.
 */
public final class ProductionCalendar {

	private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);
	private static final String RESOURCE = "calendar/ru/%d.txt";
	/** The non-working holidays of ст. 112 ТК РФ (in force since 2013). */
	static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
			MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8),
			MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12),
			MonthDay.of(11, 4));
	/** More days than any SLA spans: a loop over days stops here rather than run away on a bad argument. */
	private static final int MAX_DAYS = 3_660;

	private static final ProductionCalendar RUSSIAN = new ProductionCalendar(ProductionCalendar::resource);

	private final IntFunction<Optional<String>> files;
	private final Map<Integer, Year> years = new ConcurrentHashMap<>();

	/** @param files the text of a year's file, if there is one */
	ProductionCalendar(IntFunction<Optional<String>> files) {
		this.files = files;
	}

	/** The calendar of the years in Kredo's resources. */
	public static ProductionCalendar russian() {
		return RUSSIAN;
	}

	public CalendarDay day(LocalDate date) {
		Year year = year(date.getYear());
		return new CalendarDay(date, year.kindOf(date), year.decree() == null);
	}

	public DayKind kindOf(LocalDate date) {
		return year(date.getYear()).kindOf(date);
	}

	public boolean isWorkingDay(LocalDate date) {
		return kindOf(date).isWorking();
	}

	/** The first working day after {@code date} (not {@code date} itself). */
	public LocalDate nextWorkingDay(LocalDate date) {
		LocalDate next = date.plusDays(1);
		for (int i = 0; i < MAX_DAYS && !isWorkingDay(next); i++) {
			next = next.plusDays(1);
		}
		return next;
	}

	/** The day it is at {@code at} in {@code zone}: what the 230-ФЗ contact hours of a debtor there depend on. */
	public CalendarDay dayAt(Instant at, ZoneId zone) {
		return day(LocalDate.ofInstant(at, zone));
	}

	/**
	 * The working time between two instants, counted in {@code hours} of the working days in {@code zone} (a shortened
	 * day ends an hour earlier); zero when {@code to} is not after {@code from}. An inbox's SLA is counted so.
	 */
	public Duration workingTimeBetween(Instant from, Instant to, ZoneId zone, WorkingHours hours) {
		Duration total = Duration.ZERO;
		if (!to.isAfter(from)) {
			return total;
		}
		LocalDate last = LocalDate.ofInstant(to, zone);
		LocalDate day = LocalDate.ofInstant(from, zone);
		for (int i = 0; i < MAX_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
			DayKind kind = kindOf(day);
			if (!kind.isWorking()) {
				continue;
			}
			Instant start = max(from, day.atTime(hours.start()).atZone(zone).toInstant());
			Instant end = min(to, day.atTime(hours.endOn(kind)).atZone(zone).toInstant());
			if (end.isAfter(start)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	/**
	 * The instant by which {@code workingTime} of {@code hours} in {@code zone} has passed since {@code from}: when an
	 * SLA of that much working time falls due.
	 */
	public Instant afterWorkingTime(Instant from, Duration workingTime, ZoneId zone, WorkingHours hours) {
		Duration left = workingTime;
		LocalDate day = LocalDate.ofInstant(from, zone);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			DayKind kind = kindOf(day);
			if (!kind.isWorking()) {
				continue;
			}
			Instant start = max(from, day.atTime(hours.start()).atZone(zone).toInstant());
			Instant end = day.atTime(hours.endOn(kind)).atZone(zone).toInstant();
			if (!end.isAfter(start)) {
				continue;
			}
			Duration available = Duration.between(start, end);
			if (available.compareTo(left) >= 0) {
				return start.plus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalArgumentException("More working time than " + MAX_DAYS + " days hold: " + workingTime);
	}

	/** Whether a year is computed from ст. 112 ТК РФ alone, no decree of the Government being encoded for it. */
	public boolean isProvisional(int year) {
		return year(year).decree() == null;
	}

	/** The Government's decree a year's transfers come from, as the year's file names it. */
	public Optional<String> decree(int year) {
		return Optional.ofNullable(year(year).decree());
	}

	private Year year(int year) {
		return years.computeIfAbsent(year, this::load);
	}

	private Year load(int year) {
		Optional<String> file = files.apply(year);
		if (file.isPresent()) {
			return Year.parse(year, file.get());
		}
		log.warn("The production calendar for {} is provisional: no decree is encoded (calendar/ru/{}.txt), so its days "
				+ "follow ст. 112 ТК РФ without the Government's transfers (docs/calendar.md)", year, year);
		return Year.computed(year);
	}

	private static Optional<String> resource(int year) {
		try (InputStream in = ProductionCalendar.class.getClassLoader().getResourceAsStream(RESOURCE.formatted(year))) {
			return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	static boolean isHoliday(LocalDate date) {
		return HOLIDAYS.contains(MonthDay.from(date));
	}

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** One year: the days that differ from the plain week with its holidays, and the decree they come from. */
	record Year(int year, Map<LocalDate, DayKind> changed, String decree) {

		DayKind kindOf(LocalDate date) {
			DayKind kind = changed.get(date);
			if (kind != null) {
				return kind;
			}
			return isHoliday(date) ? DayKind.HOLIDAY : isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKING;
		}

		/**
		 * A year's file: a line {@code decree: <the decree's name>}, then one line per changed day, {@code <date>
		 * <kind> [comment]}, where kind is {@code day-off} (a weekday off by a transfer), {@code working} (a weekend
		 * day worked) or {@code shortened} (a pre-holiday working day, weekday or worked weekend day); {@code #}
		 * starts a comment line. Holidays are ст. 112's and are not listed.
		 */
		static Year parse(int year, String text) {
			Map<LocalDate, DayKind> changed = new HashMap<>();
			String decree = null;
			int number = 0;
			for (String raw : text.split("\\R")) {
				number++;
				String line = raw.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				if (line.startsWith("decree:")) {
					decree = line.substring("decree:".length()).strip();
					continue;
				}
				String[] words = line.split("\\s+", 3);
				if (words.length < 2) {
					throw bad(year, number, "a date and a kind expected");
				}
				LocalDate date;
				try {
					date = LocalDate.parse(words[0]);
				}
				catch (DateTimeParseException ex) {
					throw bad(year, number, "not a date: " + words[0]);
				}
				if (date.getYear() != year) {
					throw bad(year, number, date + " is not in " + year);
				}
				if (isHoliday(date)) {
					throw bad(year, number, date + " is a holiday of ст. 112 ТК РФ");
				}
				DayKind kind = switch (words[1]) {
					case "day-off" -> isWeekend(date) ? null : DayKind.TRANSFERRED_DAY_OFF;
					case "working" -> isWeekend(date) ? DayKind.WORKING : null;
					case "shortened" -> DayKind.SHORTENED;
					default -> throw bad(year, number, "unknown kind " + words[1]);
				};
				if (kind == null) {
					throw bad(year, number, words[1] + " on a " + (isWeekend(date) ? "weekend day" : "weekday"));
				}
				if (changed.put(date, kind) != null) {
					throw bad(year, number, date + " is listed twice");
				}
			}
			if (decree == null || decree.isEmpty()) {
				throw new IllegalStateException("calendar/ru/" + year + ".txt names no decree");
			}
			return new Year(year, Map.copyOf(changed), decree);
		}

		/** A year by ст. 112 ТК РФ alone. */
		static Year computed(int year) {
			Map<LocalDate, DayKind> changed = new HashMap<>();
			for (MonthDay holiday : HOLIDAYS) {
				LocalDate date = holiday.atYear(year);
				if (date.getMonthValue() == 1 && date.getDayOfMonth() <= 8 || !isWeekend(date)) {
					continue;
				}
				LocalDate off = date.plusDays(1);
				while (isWeekend(off) || isHoliday(off) || changed.containsKey(off)) {
					off = off.plusDays(1);
				}
				if (off.getYear() == year) {
					changed.put(off, DayKind.TRANSFERRED_DAY_OFF);
				}
			}
			for (MonthDay holiday : HOLIDAYS) {
				LocalDate before = holiday.atYear(year).minusDays(1);
				boolean worked = !isWeekend(before) && !isHoliday(before) && !changed.containsKey(before);
				if (before.getYear() == year && worked) {
					changed.put(before, DayKind.SHORTENED);
				}
			}
			LocalDate newYearsEve = LocalDate.of(year, 12, 31);
			if (!isWeekend(newYearsEve) && !changed.containsKey(newYearsEve)) {
				changed.put(newYearsEve, DayKind.SHORTENED);
			}
			return new Year(year, Map.copyOf(changed), null);
		}

		private static IllegalStateException bad(int year, int line, String why) {
			return new IllegalStateException("calendar/ru/" + year + ".txt, line " + line + ": " + why);
		}
	}
}
