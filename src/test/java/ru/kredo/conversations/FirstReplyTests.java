package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.calendar.WorkingHours;

/** The first-reply SLA in the agency's working time: weekends, holidays and transferred days off do not count. */
class FirstReplyTests {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
	}

	static FirstReply at(Instant now) {
		return new FirstReply(Clock.fixed(now, MOSCOW), MOSCOW, ProductionCalendar.russian(),
				FirstReply.hours("09:00-18:00"), Duration.ofHours(4));
	}

	@Test
	void aMessageOnFridayEveningIsDueOnMondayAndTheWeekendDoesNotCount() {
		Instant friday = at("2026-12-04T17:30");
		FirstReply.Due before = at(at("2026-12-07T12:00")).of(friday);
		assertThat(before.dueAt()).isEqualTo(at("2026-12-07T12:30"));
		assertThat(before.overdue()).isFalse();
		assertThat(before.waited()).isEqualTo(Duration.ofMinutes(30 + 180));

		FirstReply.Due after = at(at("2026-12-07T12:31")).of(friday);
		assertThat(after.overdue()).isTrue();
		assertThat(after.waited()).isEqualTo(Duration.ofHours(4).plusMinutes(1));
		assertThat(after.waitedHours()).isEqualTo(4);
		assertThat(after.waitedMinutes()).isEqualTo(1);

		assertThat(at(at("2026-12-07T12:30")).of(friday).overdue()).as("due, not yet past it").isFalse();
		assertThat(at(at("2026-12-06T23:00")).of(friday).waited()).as("Saturday and Sunday count nothing")
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aMessageOnTheTransferredDayOffCountsFromTheNextWorkingDay() {
		// 31 December 2026 is a day off by the 2026 decree; 1–8 January are holidays, 9–10 January 2027 a weekend.
		Instant newYearsEve = at("2026-12-31T10:00");
		FirstReply.Due due = at(at("2027-01-11T09:30")).of(newYearsEve);
		assertThat(due.dueAt()).isEqualTo(at("2027-01-11T13:00"));
		assertThat(due.overdue()).isFalse();
		assertThat(due.waited()).isEqualTo(Duration.ofMinutes(30));
		assertThat(at(at("2027-01-11T13:01")).of(newYearsEve).overdue()).isTrue();
	}

	@Test
	void theFiltersCutoffAgreesWithEachConversationsMark() {
		Instant now = at("2026-12-07T12:30:00.000000500");
		FirstReply sla = at(now);
		Instant cutoff = sla.overdueSince(now);
		assertThat(cutoff).as("due 12:30:00, half a microsecond before now").isEqualTo(at("2026-12-04T17:30"));
		assertThat(sla.of(cutoff, now).overdue()).isTrue();
		assertThat(sla.of(cutoff.plusNanos(1000), now).overdue()).isFalse();
		for (Instant waiting = at("2026-11-20T00:00"); waiting.isBefore(now); waiting = waiting.plus(Duration.ofMinutes(17))) {
			assertThat(!waiting.isAfter(cutoff)).as("waiting since %s", waiting).isEqualTo(sla.of(waiting, now).overdue());
		}
	}

	@Test
	void workingHoursAreReadOrRefusedClearly() {
		assertThat(FirstReply.hours("09:00-18:00")).isEqualTo(WorkingHours.of("09:00", "18:00"));
		assertThat(FirstReply.hours(" 08:30 – 17:15 ")).isEqualTo(WorkingHours.of("08:30", "17:15"));
		assertThatThrownBy(() -> FirstReply.hours("18:00-09:00")).hasMessageContaining("working-hours");
		assertThatThrownBy(() -> FirstReply.hours("с девяти")).hasMessageContaining("working-hours");
		assertThatThrownBy(() -> new FirstReply(Clock.systemUTC(), MOSCOW, ProductionCalendar.russian(),
				FirstReply.hours("09:00-18:00"), Duration.ZERO)).hasMessageContaining("first-reply");
		assertThatThrownBy(() -> new FirstReply(Clock.systemUTC(), MOSCOW, ProductionCalendar.russian(),
				FirstReply.hours("09:00-18:00"), Duration.ofHours(81))).hasMessageContaining("first-reply");
	}
}
