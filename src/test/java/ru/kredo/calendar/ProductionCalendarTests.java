package ru.kredo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductionCalendarTests {

	private static final ZoneId MOSCOW = BusinessCalendar.MOSCOW;
	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
	private final ProductionCalendar calendar = ProductionCalendar.russian();

	@ParameterizedTest
	@CsvSource({
			"2026-01-08, HOLIDAY", // the last of the New Year holidays
			"2026-01-09, TRANSFERRED_DAY_OFF", // Saturday 3 January moved here by decree № 1466
			"2026-01-12, WORKING",
			"2026-02-23, HOLIDAY",
			"2026-03-09, TRANSFERRED_DAY_OFF", // 8 March is a Sunday
			"2026-04-30, SHORTENED",
			"2026-05-01, HOLIDAY",
			"2026-05-08, SHORTENED",
			"2026-05-09, HOLIDAY", // a Saturday, and still a holiday
			"2026-05-10, WEEKEND",
			"2026-05-11, TRANSFERRED_DAY_OFF", // 9 May is a Saturday
			"2026-05-12, WORKING",
			"2026-11-03, SHORTENED",
			"2026-11-04, HOLIDAY",
			"2026-12-30, WORKING",
			"2026-12-31, TRANSFERRED_DAY_OFF", // Sunday 4 January moved here by decree № 1466
			"2025-02-24, WORKING", // 23 February 2025 was a Sunday, but the decree moved its day off to 8 May
			"2025-05-08, TRANSFERRED_DAY_OFF",
			"2025-06-13, TRANSFERRED_DAY_OFF",
			"2025-11-01, SHORTENED", // a Saturday worked, an hour shorter
			"2025-11-02, WEEKEND",
			"2025-11-03, TRANSFERRED_DAY_OFF",
			"2025-12-31, TRANSFERRED_DAY_OFF" })
	void knowsEachKindOfDayFromTheDecrees(LocalDate date, DayKind kind) {
		assertThat(calendar.kindOf(date)).isEqualTo(kind);
		assertThat(calendar.day(date).provisional()).isFalse();
	}

	@Test
	void countsTheWorkingDaysTheDecreesGive() {
		assertThat(workingDays(2025)).isEqualTo(247);
		assertThat(workingDays(2026)).isEqualTo(247);
		assertThat(days(2025).filter(d -> calendar.kindOf(d) == DayKind.SHORTENED)).hasSize(4);
		assertThat(calendar.decree(2026)).hasValueSatisfying(decree -> assertThat(decree).contains("№ 1466"));
		assertThat(calendar.decree(2025)).hasValueSatisfying(decree -> assertThat(decree).contains("№ 1335"));
	}

	@Test
	void findsTheNextWorkingDay() {
		assertThat(calendar.nextWorkingDay(LocalDate.parse("2025-12-30"))).isEqualTo("2026-01-12");
		assertThat(calendar.nextWorkingDay(LocalDate.parse("2026-05-08"))).isEqualTo("2026-05-12");
		assertThat(calendar.nextWorkingDay(LocalDate.parse("2026-05-12"))).isEqualTo("2026-05-13");
		assertThat(calendar.nextWorkingDay(LocalDate.parse("2025-10-31"))).isEqualTo("2025-11-01");
	}

	@Test
	void theDayDependsOnTheZone() {
		// 16:00 in Moscow on Friday 8 May 2026 is 23:00 in Vladivostok; an hour later it is his Saturday, 9 May.
		Instant afternoon = Instant.parse("2026-05-08T13:00:00Z");
		assertThat(calendar.dayAt(afternoon, MOSCOW).kind()).isEqualTo(DayKind.SHORTENED);
		assertThat(calendar.dayAt(afternoon, VLADIVOSTOK).kind()).isEqualTo(DayKind.SHORTENED);
		Instant later = Instant.parse("2026-05-08T14:00:00Z");
		assertThat(calendar.dayAt(later, MOSCOW).date()).isEqualTo("2026-05-08");
		assertThat(calendar.dayAt(later, VLADIVOSTOK).kind()).isEqualTo(DayKind.HOLIDAY);
	}

	@Test
	void countsWorkingTimeInTheZonesWorkingHours() {
		WorkingHours hours = WorkingHours.of("09:00", "18:00");
		// From 16:00 on Friday 8 May (shortened: work ends at 17:00) to 10:00 on Tuesday 12 May (9–11 May are off):
		// one hour on Friday and one on Tuesday.
		Instant friday = Instant.parse("2026-05-08T13:00:00Z"); // 16:00 Moscow
		Instant tuesday = Instant.parse("2026-05-12T07:00:00Z"); // 10:00 Moscow
		assertThat(calendar.workingTimeBetween(friday, tuesday, MOSCOW, hours)).isEqualTo(Duration.ofHours(2));
		// A whole week of 2026's New Year holidays holds no working time, and the first day back holds nine hours.
		assertThat(calendar.workingTimeBetween(Instant.parse("2025-12-31T00:00:00Z"), Instant.parse("2026-01-11T21:00:00Z"),
				MOSCOW, hours)).isZero();
		assertThat(calendar.workingTimeBetween(Instant.parse("2026-01-12T00:00:00Z"), Instant.parse("2026-01-13T00:00:00Z"),
				MOSCOW, hours)).isEqualTo(Duration.ofHours(9));
		assertThat(calendar.workingTimeBetween(tuesday, friday, MOSCOW, hours)).isZero();
	}

	@Test
	void findsWhenWorkingTimeRunsOut() {
		WorkingHours hours = WorkingHours.of("09:00", "18:00");
		// Four working hours asked at 16:00 on the shortened 8 May: one hour that day, three on Tuesday 12 May.
		Instant asked = Instant.parse("2026-05-08T13:00:00Z");
		assertThat(calendar.afterWorkingTime(asked, Duration.ofHours(4), MOSCOW, hours))
			.isEqualTo(Instant.parse("2026-05-12T09:00:00Z"));
		// On a Saturday the clock starts on Monday at nine.
		assertThat(calendar.afterWorkingTime(Instant.parse("2026-05-16T10:00:00Z"), Duration.ofMinutes(30), MOSCOW, hours))
			.isEqualTo(Instant.parse("2026-05-18T06:30:00Z"));
	}

	@Test
	void aYearWithoutADecreeIsComputedFromTheLabourCodeAndSaysItIsProvisional() {
		ProductionCalendar noDecrees = new ProductionCalendar(year -> Optional.empty());
		// 2026 without decree № 1466: 9 January is worked and 31 December is a shortened day, as ст. 112 alone gives.
		assertThat(noDecrees.isProvisional(2026)).isTrue();
		assertThat(noDecrees.day(LocalDate.parse("2026-01-09"))).isEqualTo(
				new CalendarDay(LocalDate.parse("2026-01-09"), DayKind.WORKING, true));
		assertThat(noDecrees.kindOf(LocalDate.parse("2026-12-31"))).isEqualTo(DayKind.SHORTENED);
		// Everything ст. 112 does decide matches the decree's year.
		days(2026).filter(d -> !d.equals(LocalDate.parse("2026-01-09")) && !d.equals(LocalDate.parse("2026-12-31")))
			.forEach(d -> assertThat(noDecrees.kindOf(d)).as(d.toString()).isEqualTo(calendar.kindOf(d)));
		assertThat(noDecrees.decree(2026)).isEmpty();
	}

	@Test
	void theYearsBeyondTheEncodedOnesAreProvisional() {
		assertThat(calendar.isProvisional(2027)).isTrue();
		// 1 May 2027 is a Saturday: the day off moves to Monday 3 May; 2 and 3 January (a weekend) move only by decree.
		assertThat(calendar.kindOf(LocalDate.parse("2027-05-03"))).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
		assertThat(calendar.kindOf(LocalDate.parse("2027-01-02"))).isEqualTo(DayKind.HOLIDAY);
		assertThat(calendar.kindOf(LocalDate.parse("2027-01-11"))).isEqualTo(DayKind.WORKING);
		assertThat(calendar.day(LocalDate.parse("2027-03-01")).provisional()).isTrue();
	}

	@Test
	void refusesAYearFileThatContradictsTheWeek() {
		assertThatThrownBy(() -> file("decree: x\n2026-01-10 day-off\n").kindOf(LocalDate.parse("2026-01-10")))
			.hasMessageContaining("line 2").hasMessageContaining("weekend");
		assertThatThrownBy(() -> file("decree: x\n2026-01-07 day-off\n").kindOf(LocalDate.parse("2026-01-07")))
			.hasMessageContaining("ст. 112");
		assertThatThrownBy(() -> file("2026-01-12 shortened\n").kindOf(LocalDate.parse("2026-01-12")))
			.hasMessageContaining("no decree");
		assertThatThrownBy(() -> file("decree: x\n2025-01-13 shortened\n").kindOf(LocalDate.parse("2026-01-12")))
			.hasMessageContaining("not in 2026");
	}

	@Test
	void aWorkingDayStartsAndEndsInOrder() {
		assertThatThrownBy(() -> WorkingHours.of("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void todayIsTheAgencysOrTheDebtors() {
		// 22:30 UTC on 8 January 2026: still the 8th, a holiday, in Moscow; already Friday the 9th in Vladivostok.
		BusinessCalendar business = BusinessCalendar.inMoscow(Clock.fixed(Instant.parse("2026-01-08T20:30:00Z"), MOSCOW));
		assertThat(business.today()).isEqualTo("2026-01-08");
		assertThat(business.dayIn(MOSCOW).kind()).isEqualTo(DayKind.HOLIDAY);
		assertThat(business.today(VLADIVOSTOK)).isEqualTo("2026-01-09");
		assertThat(business.dayIn(VLADIVOSTOK).kind()).isEqualTo(DayKind.TRANSFERRED_DAY_OFF);
		assertThat(business.agencyZone()).isEqualTo(MOSCOW);
	}

	private static ProductionCalendar file(String text) {
		return new ProductionCalendar(year -> Optional.of(text));
	}

	private long workingDays(int year) {
		return days(year).filter(calendar::isWorkingDay).count();
	}

	private static Stream<LocalDate> days(int year) {
		return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1));
	}
}
