package ru.kredo.contacting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import ru.kredo.calendar.DayKind;
import ru.kredo.contacting.Bar;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.ContactBars.StandingBar;
import ru.kredo.contacting.ContactHours.Window;
import ru.kredo.contacting.ContactRules.Left;
import ru.kredo.contacting.Decision;
import ru.kredo.contacting.Decision.Verdict;
import ru.kredo.contacting.Reason;
import ru.kredo.contacting.Standing;
import ru.kredo.contacts.ContactId;

/** The standing as an operator reads it on the card: his time and zone, his day, what may be done now, what is left. */
class StandingWordsTests {

	private static final Locale RU = Locale.forLanguageTag("ru");
	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	/** Tuesday 8 December 2026, 14:05 in Vladivostok (07:05 in Moscow). */
	private static final Instant NOW = Instant.parse("2026-12-08T04:05:00Z");
	private static final Window WORKDAY = new Window(LocalTime.of(8, 0), LocalTime.of(22, 0));

	private final StandingWords words = new StandingWords(messages());

	@Test
	void saysHisLocalTimeZoneDayAndUntilWhenHeMayBeCalledAndWhatIsLeft() {
		Standing standing = standing(VLADIVOSTOK, true, send(), send(), new Left(1, 2, 8), new Left(2, 4, 16), List.of());

		assertThat(words.now(standing, RU)).isEqualTo(
				"У должника 14:05 (Владивосток, UTC+10), рабочий день. Звонить можно до 22:00. Сообщения можно до 22:00.");
		assertThat(words.left(standing, RU))
			.isEqualTo("Осталось: звонков 1 за сутки, 2 за неделю, 8 за месяц; сообщений 2 / 4 / 16.");
	}

	@Test
	void aUsedUpDaySaysWhyAndWhenNextInHisTimeNamingTheDayWhenItIsNotToday() {
		Standing standing = standing(VLADIVOSTOK, true,
				new Decision(Verdict.HOLD, Instant.parse("2026-12-08T22:00:00Z"), Reason.DAY_LIMIT, false),
				new Decision(Verdict.HOLD, Instant.parse("2026-12-08T06:30:00Z"), Reason.DAY_LIMIT, false),
				new Left(0, 1, 7), new Left(0, 2, 14), List.of());

		assertThat(words.now(standing, RU)).isEqualTo("У должника 14:05 (Владивосток, UTC+10), рабочий день. "
				+ "Звонить нельзя: исчерпан лимит на сутки; можно с 08:00 9 декабря. "
				+ "Сообщения нельзя: исчерпан лимит на сутки; можно с 16:30.");
		assertThat(words.left(standing, RU))
			.isEqualTo("Осталось: звонков 0 за сутки, 1 за неделю, 7 за месяц; сообщений 0 / 2 / 14.");
	}

	@Test
	void anUnknownZoneIsSaidAndTheAgencysTimeUsed() {
		Standing standing = standing(MOSCOW, false, send(), send(), new Left(1, 2, 8), new Left(2, 4, 16), List.of());

		assertThat(words.now(standing, RU)).startsWith(
				"Часовой пояс должника неизвестен, считаем по времени агентства: 07:05 (Москва, UTC+3), рабочий день.");
	}

	@Test
	void aBarSaysWhyAndNoTime() {
		StandingBar bankrupt = new StandingBar(UUID.randomUUID(), new Bar(BarKind.BANKRUPTCY, null, NOW), "operator",
				"ЕФРСБ", null, null);
		Decision refused = new Decision(Verdict.REFUSE, null, Reason.BANKRUPTCY, false);
		Standing standing = standing(VLADIVOSTOK, true, refused, refused, new Left(1, 2, 8), new Left(2, 4, 16),
				List.of(bankrupt));

		assertThat(words.now(standing, RU)).isEqualTo("У должника 14:05 (Владивосток, UTC+10), рабочий день. "
				+ "Звонить нельзя: банкротство должника. Сообщения нельзя: банкротство должника.");
	}

	@Test
	void outsideHisHoursOnADayOffItSaysWhenTheyStart() {
		// Saturday 12 December 2026, 07:00 in Vladivostok: hours are 09:00–20:00.
		Instant early = Instant.parse("2026-12-11T21:00:00Z");
		Decision hours = new Decision(Verdict.HOLD, Instant.parse("2026-12-11T23:00:00Z"), Reason.HOURS, false);
		Standing standing = new Standing(new ContactId(UUID.randomUUID()), early, VLADIVOSTOK, true, null, MOSCOW,
				DayKind.WEEKEND, new Window(LocalTime.of(9, 0), LocalTime.of(20, 0)), null, hours, hours,
				new Left(1, 2, 8), new Left(2, 4, 16), List.of());

		assertThat(words.now(standing, RU)).isEqualTo("У должника 07:00 (Владивосток, UTC+10), выходной. "
				+ "Звонить нельзя: вне часов, когда с должником можно связываться (по его местному времени); можно с 09:00. "
				+ "Сообщения нельзя: вне часов, когда с должником можно связываться (по его местному времени); можно с 09:00.");
	}

	@Test
	void inEnglishToo() {
		Standing standing = standing(VLADIVOSTOK, true, send(), send(), new Left(1, 2, 8), new Left(2, 4, 16), List.of());

		assertThat(words.now(standing, Locale.ENGLISH)).isEqualTo("The debtor's time is 14:05 (Vladivostok, UTC+10), "
				+ "a working day. Calls allowed until 22:00. Messages allowed until 22:00.");
		assertThat(words.left(standing, Locale.ENGLISH))
			.isEqualTo("Left: calls 1 in 24 hours, 2 in 7 days, 8 in a month; messages 2 / 4 / 16.");
	}

	private static Standing standing(ZoneId zone, boolean known, Decision call, Decision message, Left calls,
			Left messages, List<StandingBar> bars) {
		return new Standing(new ContactId(UUID.randomUUID()), NOW, zone, known, null, MOSCOW, DayKind.WORKING, WORKDAY,
				NOW.atZone(zone).toLocalDate().atTime(22, 0).atZone(zone).toInstant(), call, message, calls, messages,
				bars);
	}

	private static Decision send() {
		return new Decision(Verdict.SEND, NOW, null, false);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
