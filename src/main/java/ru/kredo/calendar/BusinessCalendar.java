package ru.kredo.calendar;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Kredo's one notion of business time: the production calendar ({@link #days()}), the agency's time zone
 * ({@code kredo.time-zone}, Moscow by default: where the agencies' staff work, what pages show times in and what
 * the agency's dates, such as an offer's or a certificate's, are in), and Moscow time where the law counts in it
 * ({@link #MOSCOW}). A debtor's own zone is his (collections' {@code DebtorZones}); the 230-ФЗ contact hours are his
 * local time, asked of {@link ProductionCalendar#dayAt}.
 * <p>
 * The production calendar's years are Kredo's own, and an operator's {@code <year>.txt} files in
 * {@code kredo.calendar.directory} (none by default), which take precedence; at start the log says, per year, where
 * its days come from and how many are worked (docs/calendar.md).
 */
@Component
public class BusinessCalendar {

	private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

	/**
	 * Moscow time, named here and nowhere else: the zone of the Moscow region and of others (a region's zone), and the
	 * time the bureaus' files and an agency's documents mean when they name no zone.
	 */
	public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	private final Clock clock;
	private final ZoneId agencyZone;
	private final ProductionCalendar days;

	@Autowired
	BusinessCalendar(Clock clock, @Value("${kredo.time-zone:Europe/Moscow}") ZoneId agencyZone,
			@Value("${kredo.calendar.directory:}") String calendarDirectory) {
		this(clock, agencyZone, calendarDirectory.isBlank() ? ProductionCalendar.russian()
				: ProductionCalendar.russian(Path.of(calendarDirectory.strip())));
		logYears();
	}

	public BusinessCalendar(Clock clock, ZoneId agencyZone, ProductionCalendar days) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.agencyZone = Objects.requireNonNull(agencyZone, "agencyZone");
		this.days = Objects.requireNonNull(days, "days");
	}

	/** A calendar on {@code clock} with the default agency zone, Moscow: for tests and tools without Spring. */
	public static BusinessCalendar inMoscow(Clock clock) {
		return new BusinessCalendar(clock, MOSCOW, ProductionCalendar.russian());
	}

	/** The zone of the agency and its staff ({@code kredo.time-zone}). */
	public ZoneId agencyZone() {
		return agencyZone;
	}

	public ProductionCalendar days() {
		return days;
	}

	/** Today at the agency. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(agencyZone));
	}

	/** Today in {@code zone} (a debtor's). */
	public LocalDate today(ZoneId zone) {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The agency's date of an instant: the day an offer was signed or a debt was paid off, for the agency. */
	public LocalDate agencyDate(Instant at) {
		return LocalDate.ofInstant(at, agencyZone);
	}

	/**
	 * One line per year with a decree's file (where it comes from, its working days, to compare with the decree's
	 * published count), and a warning for this year and the next when they are provisional.
	 */
	private void logYears() {
		var years = days.encodedYears();
		years.values().forEach(year -> log.info("Production calendar {}: {} working days ({} shortened), decree «{}», "
				+ "from {}{}", year.year(), year.workingDays(), year.shortenedDays(), year.decree().orElseThrow(),
				year.file().orElseThrow(), year.operators() ? " (kredo.calendar.directory)" : " (Kredo's own)"));
		int thisYear = today().getYear();
		for (int year = thisYear; year <= thisYear + 1; year++) {
			if (!years.containsKey(year)) {
				log.warn("Production calendar {}: provisional (ст. 112 ТК РФ alone, without the Government's "
						+ "transfers): put its decree's {}.txt into kredo.calendar.directory (docs/calendar.md)", year, year);
			}
		}
	}

	/** What today is in {@code zone}: a working day, a weekend, a holiday… (230-ФЗ contact hours depend on it). */
	public CalendarDay dayIn(ZoneId zone) {
		return days.dayAt(clock.instant(), zone);
	}
}
