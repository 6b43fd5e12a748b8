package ru.kredo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.calendar.ProductionCalendar;

class TimeDisplayTests {

	private static final Instant EVENING_UTC = Instant.parse("2026-01-08T20:30:00Z");

	@Test
	void showsTimesInTheAgencysZone() {
		Clock clock = Clock.fixed(EVENING_UTC, ZoneOffset.UTC);
		TimeDisplay moscow = new TimeDisplay(BusinessCalendar.inMoscow(clock), new StaticMessageSource(), clock);
		TimeDisplay vladivostok = new TimeDisplay(
				new BusinessCalendar(clock, ZoneId.of("Asia/Vladivostok"), ProductionCalendar.russian()),
				new StaticMessageSource(), clock);

		assertThat(moscow.format(EVENING_UTC, "dd.MM.yyyy HH:mm")).isEqualTo("08.01.2026 23:30");
		assertThat(vladivostok.format(EVENING_UTC, "dd.MM.yyyy HH:mm")).isEqualTo("09.01.2026 06:30");
	}
}
