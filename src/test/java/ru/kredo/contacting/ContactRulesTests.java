package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.contacting.Decision.Verdict;

/** The 230-ФЗ rules, each tried at its edge. */
class ContactRulesTests {

	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

	private final ContactRules rules = new ContactRules(ProductionCalendar.russian());

	private static Instant at(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

	private Decision sms(List<Instant> sent, ZoneId zone, Instant now) {
		return rules.decide(Channel.SMS, Initiative.COLLECTION, null, null, sent, List.of(), zone, now);
	}

	private Decision call(List<Instant> made, ZoneId zone, Instant now) {
		return rules.decide(Channel.CALL, Initiative.COLLECTION, null, null, made, List.of(), zone, now);
	}

	@Test
	void aTextAtNineToTenInVladivostokGoesWhileAtTenItWaitsForEightNextMorningThoughMoscowIsInTheAfternoon() {
		// Tuesday 1 December 2026: 21:59 in Vladivostok is 14:59 in Moscow
		Instant nineToTen = at("2026-12-01T21:59", VLADIVOSTOK);
		assertThat(nineToTen.atZone(MOSCOW).getHour()).isEqualTo(14);
		assertThat(sms(List.of(), VLADIVOSTOK, nineToTen).verdict()).isEqualTo(Verdict.SEND);

		Decision ten = sms(List.of(), VLADIVOSTOK, at("2026-12-01T22:00", VLADIVOSTOK));
		assertThat(ten.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(ten.reason()).isEqualTo(Reason.HOURS);
		assertThat(ten.at()).isEqualTo(at("2026-12-02T08:00", VLADIVOSTOK));
		// the same moment is fine for a debtor in Moscow
		assertThat(sms(List.of(), MOSCOW, at("2026-12-01T22:00", VLADIVOSTOK)).verdict()).isEqualTo(Verdict.SEND);
	}

	@Test
	void beforeEightOnAWorkingDayWaitsForEight() {
		Decision early = sms(List.of(), MOSCOW, at("2026-12-02T07:59", MOSCOW));
		assertThat(early.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(early.at()).isEqualTo(at("2026-12-02T08:00", MOSCOW));
		assertThat(sms(List.of(), MOSCOW, at("2026-12-02T08:00", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
	}

	@Test
	void aSaturdayHasNineToEight() {
		// Saturday 5 December 2026
		assertThat(sms(List.of(), MOSCOW, at("2026-12-05T08:30", MOSCOW)).at()).isEqualTo(at("2026-12-05T09:00", MOSCOW));
		assertThat(sms(List.of(), MOSCOW, at("2026-12-05T09:00", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
		assertThat(sms(List.of(), MOSCOW, at("2026-12-05T19:59", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
		Decision eight = sms(List.of(), MOSCOW, at("2026-12-05T20:00", MOSCOW));
		assertThat(eight.verdict()).isEqualTo(Verdict.HOLD);
		// Sunday's hours are a day off's too
		assertThat(eight.at()).isEqualTo(at("2026-12-06T09:00", MOSCOW));
	}

	@Test
	void theFirstOfMayIsAHolidayThoughAFriday() {
		// Friday 1 May 2026
		assertThat(sms(List.of(), MOSCOW, at("2026-05-01T08:30", MOSCOW)).at()).isEqualTo(at("2026-05-01T09:00", MOSCOW));
		assertThat(sms(List.of(), MOSCOW, at("2026-05-01T20:30", MOSCOW)).at()).isEqualTo(at("2026-05-02T09:00", MOSCOW));
		// the day before is a shortened working day: its contact hours are a working day's
		assertThat(sms(List.of(), MOSCOW, at("2026-04-30T21:30", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
	}

	@Test
	void aDayMovedByTheProductionCalendarCounts() {
		// Friday 9 January 2026 is off (moved from Saturday 3 January); Saturday 1 November 2025 was worked
		assertThat(sms(List.of(), MOSCOW, at("2026-01-09T08:30", MOSCOW)).verdict()).isEqualTo(Verdict.HOLD);
		assertThat(sms(List.of(), MOSCOW, at("2025-11-01T08:30", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
		assertThat(sms(List.of(), MOSCOW, at("2025-11-01T21:00", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
		// Monday 3 November 2025 was off in its stead
		assertThat(sms(List.of(), MOSCOW, at("2025-11-03T08:30", MOSCOW)).verdict()).isEqualTo(Verdict.HOLD);
	}

	@Test
	void theThirdTextInADayWaitsUntilTheFirstIsADayOld() {
		Instant first = at("2026-12-01T10:00", MOSCOW);
		Instant second = at("2026-12-01T12:00", MOSCOW);
		Decision third = sms(List.of(first, second), MOSCOW, at("2026-12-01T15:00", MOSCOW));
		assertThat(third.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(third.reason()).isEqualTo(Reason.DAY_LIMIT);
		assertThat(third.at()).isEqualTo(at("2026-12-02T10:00", MOSCOW));
		// the day's limit counts any 24 hours: two at night's end of one day and the morning of the next do not make four
		Decision morning = sms(List.of(at("2026-12-01T21:00", MOSCOW), at("2026-12-01T21:30", MOSCOW)), MOSCOW,
				at("2026-12-02T08:00", MOSCOW));
		assertThat(morning.at()).isEqualTo(at("2026-12-02T21:00", MOSCOW));
	}

	@Test
	void theFifthTextInAWeekWaitsForTheWeeksOldest() {
		List<Instant> four = List.of(at("2026-11-30T10:00", MOSCOW), at("2026-12-01T10:00", MOSCOW),
				at("2026-12-02T10:00", MOSCOW), at("2026-12-03T10:00", MOSCOW));
		Decision fifth = sms(four, MOSCOW, at("2026-12-04T10:00", MOSCOW));
		assertThat(fifth.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(fifth.reason()).isEqualTo(Reason.WEEK_LIMIT);
		assertThat(fifth.at()).isEqualTo(at("2026-12-07T10:00", MOSCOW));
	}

	@Test
	void theSeventeenthTextInAMonthWaitsForTheMonthsOldest() {
		List<Instant> sixteen = new ArrayList<>();
		// two a day on 1, 2, 8, 9, 15, 16, 22 and 23 March 2026: 16 texts, never more than 4 in 7 days
		for (int day : new int[] { 1, 2, 8, 9, 15, 16, 22, 23 }) {
			sixteen.add(at("2026-03-%02dT10:00".formatted(day), MOSCOW));
			sixteen.add(at("2026-03-%02dT11:00".formatted(day), MOSCOW));
		}
		assertThat(sixteen).hasSize(16);
		Decision next = sms(sixteen, MOSCOW, at("2026-03-31T13:00", MOSCOW));
		assertThat(next.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(next.reason()).isEqualTo(Reason.MONTH_LIMIT);
		// 1 March 10:00 leaves the month's window when its start (the same moment a month before) reaches it
		assertThat(next.at()).isEqualTo(at("2026-04-01T10:00", MOSCOW));
		assertThat(rules.left(ContactKind.MESSAGE, sixteen, MOSCOW, at("2026-03-31T13:00", MOSCOW)).month()).isZero();
	}

	@Test
	void theLastDayOfAMonthLeavesTheWindowOfAShorterMonthOnlyWhenItHasPassed() {
		Instant e = at("2026-01-31T12:00", MOSCOW);
		Instant exit = ContactRules.monthExit(e, MOSCOW);
		assertThat(ContactRules.monthBefore(exit, MOSCOW)).isAfterOrEqualTo(e);
		assertThat(exit).isAfter(at("2026-02-28T23:59", MOSCOW));
	}

	@Test
	void theSecondCallInADayAndTheThirdInAWeekWait() {
		Decision second = call(List.of(at("2026-12-01T10:00", MOSCOW)), MOSCOW, at("2026-12-01T16:00", MOSCOW));
		assertThat(second.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(second.reason()).isEqualTo(Reason.DAY_LIMIT);
		Decision third = call(List.of(at("2026-11-30T10:00", MOSCOW), at("2026-12-01T10:00", MOSCOW)), MOSCOW,
				at("2026-12-02T16:00", MOSCOW));
		assertThat(third.reason()).isEqualTo(Reason.WEEK_LIMIT);
		assertThat(third.at()).isEqualTo(at("2026-12-07T10:00", MOSCOW));
		// a text does not use up a call: the kinds are counted apart (the gate passes each kind its own history)
		assertThat(sms(List.of(at("2026-12-01T10:00", MOSCOW)), MOSCOW, at("2026-12-01T16:00", MOSCOW)).verdict())
			.isEqualTo(Verdict.SEND);
	}

	@Test
	void theNinthCallInAMonthWaitsForTheMonthsOldest() {
		List<Instant> eight = new ArrayList<>();
		// two calls a week in March 2026, a day and an hour apart: 8 calls, never 2 in 24 hours nor 3 in 7 days
		int hour = 9;
		for (int day : new int[] { 1, 2, 8, 9, 15, 16, 22, 23 }) {
			eight.add(at("2026-03-%02dT%02d:00".formatted(day, hour++), MOSCOW));
		}
		Instant now = at("2026-03-31T13:00", MOSCOW);
		ContactRules.Left left = rules.left(ContactKind.CALL, eight, MOSCOW, now);
		assertThat(List.of(left.day(), left.week(), left.month())).containsExactly(1, 2, 0);
		Decision ninth = call(eight, MOSCOW, now);
		assertThat(ninth.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(ninth.reason()).isEqualTo(Reason.MONTH_LIMIT);
		// 1 March 09:00 leaves the month's window on 1 April 09:00, a Wednesday inside the hours
		assertThat(ninth.at()).isEqualTo(at("2026-04-01T09:00", MOSCOW));
		// seven calls leave the eighth
		assertThat(call(eight.subList(1, 8), MOSCOW, now).verdict()).isEqualTo(Verdict.SEND);
	}

	@Test
	void aVoiceRobotCountsAsACallAndAVoiceMessageAsAMessage() {
		assertThat(Channel.VOICE_ROBOT.kind()).isEqualTo(ContactKind.CALL);
		assertThat(Channel.VOICE_MESSAGE.kind()).isEqualTo(ContactKind.MESSAGE);
		assertThat(ContactKind.CALL.limits()).isEqualTo(new ContactLimits(1, 2, 8));
		assertThat(ContactKind.MESSAGE.limits()).isEqualTo(new ContactLimits(2, 4, 16));
	}

	@Test
	void aLimitHeldUntilAfterHoursWaitsForTheNextMorning() {
		// two texts at 21:00 and 21:30 on Friday 4 December: the third may go at 21:00 Saturday? no, that is after 20:00
		List<Instant> two = List.of(at("2026-12-04T21:00", MOSCOW), at("2026-12-04T21:30", MOSCOW));
		Decision next = sms(two, MOSCOW, at("2026-12-04T21:45", MOSCOW));
		assertThat(next.verdict()).isEqualTo(Verdict.HOLD);
		// Saturday's hours are 09–20, the day's limit frees at 21:00 Saturday: Sunday 09:00
		assertThat(next.at()).isEqualTo(at("2026-12-06T09:00", MOSCOW));
		// the limit is what holds it (out of hours only puts it off): that is the reason said
		assertThat(next.reason()).isEqualTo(Reason.DAY_LIMIT);
		// out of hours with the limit freeing overnight: the hours hold it
		Decision night = sms(List.of(at("2026-12-03T22:30", MOSCOW).minus(java.time.Duration.ofHours(24)),
				at("2026-12-03T06:00", MOSCOW)), MOSCOW, at("2026-12-03T23:00", MOSCOW));
		assertThat(night.reason()).isEqualTo(Reason.HOURS);
		assertThat(night.at()).isEqualTo(at("2026-12-04T08:00", MOSCOW));
	}

	@Test
	void aHeldContactThatWouldComeTooLateIsDropped() {
		Decision late = rules.decide(Channel.SMS, Initiative.COLLECTION, null, at("2026-12-01T23:59", MOSCOW), List.of(),
				List.of(), MOSCOW, at("2026-12-01T22:30", MOSCOW));
		assertThat(late.verdict()).isEqualTo(Verdict.DROP);
		assertThat(late.reason()).isEqualTo(Reason.STALE);
	}

	@Test
	void aBarRefusesCollectionButNotTheCodeHeAskedForNorAReplyToHim() {
		Bar bankruptcy = new Bar(BarKind.BANKRUPTCY, null, at("2026-11-01T00:00", MOSCOW));
		Instant now = at("2026-12-01T12:00", MOSCOW);
		Decision collection = rules.decide(Channel.SMS, Initiative.COLLECTION, null, null, List.of(), List.of(bankruptcy),
				MOSCOW, now);
		assertThat(collection.verdict()).isEqualTo(Verdict.REFUSE);
		assertThat(collection.reason()).isEqualTo(Reason.BANKRUPTCY);
		assertThat(rules.decide(Channel.SMS, Initiative.REPLY, null, null, List.of(), List.of(bankruptcy), MOSCOW, now)
			.verdict()).isEqualTo(Verdict.SEND);
		Decision code = rules.decide(Channel.SMS, Initiative.REQUESTED_CODE, null, null, List.of(), List.of(bankruptcy),
				MOSCOW, at("2026-12-01T03:00", MOSCOW));
		assertThat(code.verdict()).isEqualTo(Verdict.SEND);
		assertThat(code.exempt()).isTrue();
	}

	@Test
	void aReplyIsNotCountedButWaitsForHisHours() {
		List<Instant> full = List.of(at("2026-12-01T10:00", MOSCOW), at("2026-12-01T11:00", MOSCOW));
		assertThat(rules.decide(Channel.SMS, Initiative.REPLY, null, null, full, List.of(), MOSCOW,
				at("2026-12-01T12:00", MOSCOW)).verdict()).isEqualTo(Verdict.SEND);
		Decision night = rules.decide(Channel.SMS, Initiative.REPLY, null, null, List.of(), List.of(), KALININGRAD,
				at("2026-12-01T23:00", KALININGRAD));
		assertThat(night.verdict()).isEqualTo(Verdict.HOLD);
		assertThat(night.at()).isEqualTo(at("2026-12-02T08:00", KALININGRAD));
	}

	@Test
	void aDisputeStopsContactsAboutItsDebtOnly() {
		DebtId disputed = new DebtId(UUID.randomUUID());
		DebtId other = new DebtId(UUID.randomUUID());
		Bar dispute = new Bar(BarKind.DISPUTE, disputed, at("2026-11-01T00:00", MOSCOW));
		Instant now = at("2026-12-01T12:00", MOSCOW);
		assertThat(rules.decide(Channel.SMS, Initiative.COLLECTION, disputed, null, List.of(), List.of(dispute), MOSCOW,
				now).reason()).isEqualTo(Reason.DISPUTE);
		assertThat(rules.decide(Channel.SMS, Initiative.COLLECTION, other, null, List.of(), List.of(dispute), MOSCOW, now)
			.verdict()).isEqualTo(Verdict.SEND);
	}

	@Test
	void whatIsLeftCountsEachWindow() {
		Instant now = at("2026-12-04T12:00", MOSCOW);
		List<Instant> sent = List.of(at("2026-12-04T10:00", MOSCOW), at("2026-12-01T10:00", MOSCOW),
				at("2026-11-20T10:00", MOSCOW));
		ContactRules.Left left = rules.left(ContactKind.MESSAGE, sent, MOSCOW, now);
		assertThat(left).isEqualTo(new ContactRules.Left(1, 2, 13));
		assertThat(left.now()).isEqualTo(1);
	}
}
