package ru.kredo.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Russian production calendar for a five-day week: which days are worked, which are weekends, non-working
 * holidays (ст. 112 ТК РФ), weekdays off by a transfer, and shortened pre-holiday days (ст. 95 ТК РФ).
 * <p>
 * A year whose Government decree is encoded ({@code calendar/ru/<year>.txt}) is read from it. Any other year is
 * <em>provisional</em>: computed from ст. 112 alone (a holiday that falls on a weekend moves the day off to the next
 * working day, except for 1–8 January, whose weekends only a decree moves; the working day just before a holiday is
 * one hour shorter), and a warning is logged the first time it is used. docs/calendar.md says how to add a year.
 * <p>
 * An operator may add years without a release: {@link #russian(Path)} reads every {@code <year>.txt} of a directory
 * ({@code kredo.calendar.directory}), in the same format, each taking precedence over the bundled file of its year;
 * they are all read and checked at once, and a wrong one is refused naming the file and the line.
 */
public final class ProductionCalendar {

	private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);
	private static final String RESOURCE = "calendar/ru/%d.txt";
	/** A year's file, in the bundle or in an operator's directory. */
	private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");
	/** The non-working holidays of ст. 112 ТК РФ (in force since 2013). */
	static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
			MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8),
			MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12),
			MonthDay.of(11, 4));
	/** More days than any SLA spans: a loop over days stops here rather than run away on a bad argument. */
	private static final int MAX_DAYS = 3_660;

	private static final ProductionCalendar RUSSIAN = new ProductionCalendar(Map.of(), ProductionCalendar::resource);

	private final IntFunction<Optional<YearFile>> files;
	private final Map<Integer, Year> years = new ConcurrentHashMap<>();
	/** The years read from an operator's directory, which the bundled files do not override. */
	private final Set<Integer> fromDirectory;

	/** @param files the text of a year's file, if there is one (named as a bundled file in a refusal) */
	ProductionCalendar(IntFunction<Optional<String>> files) {
		this(Map.of(), year -> files.apply(year).map(text -> new YearFile(RESOURCE.formatted(year), text)));
	}

	private ProductionCalendar(Map<Integer, Year> given, IntFunction<Optional<YearFile>> files) {
		this.files = files;
		this.years.putAll(given);
		this.fromDirectory = Set.copyOf(given.keySet());
	}

	/** The calendar of the years in Kredo's resources. */
	public static ProductionCalendar russian() {
		return RUSSIAN;
	}

	/**
	 * The calendar of the years in Kredo's resources and in {@code directory}, whose {@code <year>.txt} files take
	 * precedence over the bundled ones. Every file of the directory is read and checked now.
	 *
	 * @throws IllegalStateException naming the file (and the line) when the directory cannot be read, a {@code .txt}
	 * file in it is not named {@code <year>.txt}, or a year's file is not UTF-8 text or not a valid year
	 */
	public static ProductionCalendar russian(Path directory) {
		return new ProductionCalendar(readDirectory(directory), ProductionCalendar::resource);
	}

	/**
	 * Where each year this calendar has a file for comes from, and what it makes of it, by year: the years in
	 * Kredo's resources and in the operator's directory. Every other year is provisional.
	 */
	public SortedMap<Integer, YearSource> encodedYears() {
		SortedSet<Integer> all = new TreeSet<>(bundledYears());
		all.addAll(fromDirectory);
		SortedMap<Integer, YearSource> sources = new TreeMap<>();
		for (int year : all) {
			YearSource source = source(year);
			if (!source.provisional()) {
				sources.put(year, source);
			}
		}
		return sources;
	}

	/** Where {@code year}'s days come from and how many of them are worked. */
	public YearSource source(int year) {
		Year loaded = year(year);
		long working = 0;
		long shortened = 0;
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			DayKind kind = loaded.kindOf(day);
			working += kind.isWorking() ? 1 : 0;
			shortened += kind == DayKind.SHORTENED ? 1 : 0;
		}
		return new YearSource(year, Optional.ofNullable(loaded.decree()), Optional.ofNullable(loaded.origin()),
				fromDirectory.contains(year), working, shortened);
	}

	/**
	 * Where a year's days come from.
	 *
	 * @param decree the Government's decree, as the year's file names it; empty for a provisional year
	 * @param file the year's file: a resource ({@code calendar/ru/<year>.txt}) or a path in the operator's directory;
	 * empty for a provisional year
	 * @param operators whether the file is the operator's ({@code kredo.calendar.directory}) rather than Kredo's
	 * @param workingDays the year's working days, shortened ones too: compare with the decree's published count
	 * @param shortenedDays the year's shortened (pre-holiday) working days
	 */
	public record YearSource(int year, Optional<String> decree, Optional<String> file, boolean operators,
			long workingDays, long shortenedDays) {

		public boolean provisional() {
			return decree.isEmpty();
		}
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
		Optional<YearFile> file = files.apply(year);
		if (file.isPresent()) {
			return Year.parse(year, file.get().origin(), file.get().text());
		}
		log.warn("The production calendar for {} is provisional: no decree is encoded (calendar/ru/{}.txt, or {}.txt in "
				+ "kredo.calendar.directory), so its days follow ст. 112 ТК РФ without the Government's transfers "
				+ "(docs/calendar.md)", year, year, year);
		return Year.computed(year);
	}

	private static Optional<YearFile> resource(int year) {
		String name = RESOURCE.formatted(year);
		try (InputStream in = ProductionCalendar.class.getClassLoader().getResourceAsStream(name)) {
			return in == null ? Optional.empty() : Optional.of(new YearFile(name, text(name, in.readAllBytes())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The years of the files in Kredo's resources. */
	private static SortedSet<Integer> bundledYears() {
		SortedSet<Integer> years = new TreeSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver(ProductionCalendar.class.getClassLoader())
				.getResources("classpath*:" + RESOURCE.replace("%d", "*"))) {
				Matcher name = YEAR_FILE.matcher(String.valueOf(resource.getFilename()));
				if (name.matches()) {
					years.add(Integer.parseInt(name.group(1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return years;
	}

	/** Reads and checks every year's file of an operator's directory. */
	private static Map<Integer, Year> readDirectory(Path directory) {
		String where = "kredo.calendar.directory " + directory.toAbsolutePath();
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException(where + ": no such directory");
		}
		List<Path> entries;
		try (Stream<Path> list = Files.list(directory)) {
			entries = list.sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(where + ": cannot be read (" + ex + ")", ex);
		}
		Map<Integer, Year> years = new HashMap<>();
		List<String> ignored = new ArrayList<>();
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			Matcher year = YEAR_FILE.matcher(name);
			if (name.startsWith(".")) {
				continue; // an editor's or a copy's hidden file
			}
			if (!year.matches()) {
				if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
					throw new IllegalStateException(entry.toAbsolutePath()
							+ ": a year's file is named <year>.txt (2027.txt), so this one would be ignored");
				}
				ignored.add(name);
				continue;
			}
			if (!Files.isRegularFile(entry)) {
				throw new IllegalStateException(entry.toAbsolutePath() + ": not a file");
			}
			String origin = entry.toAbsolutePath().toString();
			byte[] bytes;
			try {
				bytes = Files.readAllBytes(entry);
			}
			catch (IOException ex) {
				throw new IllegalStateException(origin + ": cannot be read (" + ex + ")", ex);
			}
			int number = Integer.parseInt(year.group(1));
			years.put(number, Year.parse(number, origin, text(origin, bytes)));
		}
		if (!ignored.isEmpty()) {
			log.warn("{}: ignored {}, which are not <year>.txt", where, ignored);
		}
		return years;
	}

	/** A file's bytes as UTF-8 text, without the byte-order mark an editor may put first. */
	private static String text(String origin, byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException(origin + ": not UTF-8 text (save it as UTF-8)", ex);
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

	/** A year's file: where it is (named in a refusal and in the log), and its text. */
	record YearFile(String origin, String text) {
	}

	/**
	 * One year: the days that differ from the plain week with its holidays, the decree they come from and the file
	 * that says so (both null for a year computed from ст. 112).
	 */
	record Year(int year, Map<LocalDate, DayKind> changed, String decree, String origin) {

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
		static Year parse(int year, String origin, String text) {
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
					String named = line.substring("decree:".length()).strip();
					if (named.isEmpty()) {
						throw bad(origin, number, "the decree: line names no decree");
					}
					if (decree != null) {
						throw bad(origin, number, "a second decree: line; one file is one decree's year");
					}
					decree = named;
					continue;
				}
				String[] words = line.split("\\s+", 3);
				if (words.length < 2) {
					throw bad(origin, number, "a date and a kind expected");
				}
				LocalDate date;
				try {
					date = LocalDate.parse(words[0]);
				}
				catch (DateTimeParseException ex) {
					throw bad(origin, number, "not a date: " + words[0]);
				}
				if (date.getYear() != year) {
					throw bad(origin, number, date + " is not in " + year);
				}
				if (isHoliday(date)) {
					throw bad(origin, number, date + " is a holiday of ст. 112 ТК РФ");
				}
				DayKind kind = switch (words[1]) {
					case "day-off" -> isWeekend(date) ? null : DayKind.TRANSFERRED_DAY_OFF;
					case "working" -> isWeekend(date) ? DayKind.WORKING : null;
					case "shortened" -> DayKind.SHORTENED;
					default -> throw bad(origin, number, "unknown kind " + words[1] + " (day-off, working or shortened)");
				};
				if (kind == null) {
					throw bad(origin, number, words[1] + " on a " + (isWeekend(date) ? "weekend day" : "weekday"));
				}
				if (changed.put(date, kind) != null) {
					throw bad(origin, number, date + " is listed twice");
				}
			}
			if (decree == null) {
				throw new IllegalStateException(origin + " names no decree (a line decree: <the decree's name>)");
			}
			return new Year(year, Map.copyOf(changed), decree, origin);
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
			return new Year(year, Map.copyOf(changed), null, null);
		}

		private static IllegalStateException bad(String origin, int line, String why) {
			return new IllegalStateException(origin + ", line " + line + ": " + why);
		}
	}
}
