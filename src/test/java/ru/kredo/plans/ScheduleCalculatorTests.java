package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

class ScheduleCalculatorTests {

	private final ScheduleCalculator calculator = new ScheduleCalculator(ProductionCalendar.russian());

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	@Test
	void monthsDivideToTheKopeckAndTheLastTakesTheRest() {
		Schedule schedule = calculator.schedule(rub("100000.00"), new Terms.ByMonths(12), LocalDate.of(2026, 6, 15));

		assertThat(schedule.months()).isEqualTo(12);
		assertThat(schedule.monthly()).isEqualTo(rub("8333.33"));
		assertThat(schedule.instalments().subList(0, 11)).extracting(Instalment::amount).containsOnly(rub("8333.33"));
		assertThat(schedule.last().amount()).isEqualTo(rub("8333.37"));
		assertThat(schedule.instalments()).extracting(Instalment::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
				10, 11, 12);
	}

	@Test
	void aMonthlySumRunsUntilWhatIsLeft() {
		Schedule schedule = calculator.schedule(rub("100000.00"), new Terms.ByMonthly(rub("30000")),
				LocalDate.of(2026, 6, 15));

		assertThat(schedule.instalments()).extracting(Instalment::amount)
			.containsExactly(rub("30000"), rub("30000"), rub("30000"), rub("10000"));
		assertThat(schedule.monthly()).isEqualTo(rub("30000"));
	}

	@Test
	void aMonthlySumThatDividesTheTotalLeavesNoSmallLastInstalment() {
		Schedule schedule = calculator.schedule(rub("90000"), new Terms.ByMonthly(rub("30000")),
				LocalDate.of(2026, 6, 15));

		assertThat(schedule.instalments()).extracting(Instalment::amount).containsOnly(rub("30000"));
		assertThat(schedule.months()).isEqualTo(3);
	}

	@Test
	void aMonthlySumAboveTheTotalIsOneInstalmentOfTheTotal() {
		Schedule schedule = calculator.schedule(rub("500"), new Terms.ByMonthly(rub("800")), LocalDate.of(2026, 6, 15));

		assertThat(schedule.instalments()).extracting(Instalment::amount).containsExactly(rub("500"));
		assertThat(schedule.monthly()).isEqualTo(rub("500"));
	}

	@Test
	void everyScheduleAddsUpExactlyAndNoInstalmentIsNothing() {
		Random random = new Random(2026);
		for (int i = 0; i < 5_000; i++) {
			Money total = Money.ofKopecks(1_000 + random.nextLong(10_000_000_000L));
			Terms terms = random.nextBoolean() ? new Terms.ByMonths(1 + random.nextInt(ScheduleCalculator.MAX_INSTALMENTS))
					: new Terms.ByMonthly(Money.ofKopecks(Math.max(1, total.kopecks() / (1 + random.nextInt(100)))));
			Schedule schedule = calculator.schedule(total, terms, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700)));

			assertThat(schedule.instalments().stream().mapToLong(p -> p.amount().kopecks()).sum())
				.isEqualTo(total.kopecks());
			assertThat(schedule.instalments()).allMatch(p -> !p.amount().isZero());
			// The last instalment differs from the others by less than the number of instalments (by months) or is
			// at most the monthly sum (by a monthly sum).
			assertThat(schedule.last().amount().kopecks() - schedule.monthly().kopecks())
				.isBetween(-schedule.monthly().kopecks() + 1, (long) schedule.months() - 1);
			assertThat(schedule.instalments()).isSortedAccordingTo((a, b) -> a.due().compareTo(b.due()));
		}
	}

	@Test
	void moreInstalmentsThanKopecksIsRefused() {
		assertThatThrownBy(() -> calculator.schedule(Money.ofKopecks(3), new Terms.ByMonths(4), LocalDate.of(2026, 6, 15)))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan.monthly-too-small");
		Schedule tiny = calculator.schedule(Money.ofKopecks(5), new Terms.ByMonths(4), LocalDate.of(2026, 6, 15));
		assertThat(tiny.instalments()).extracting(p -> p.amount().kopecks()).containsExactly(1L, 1L, 1L, 2L);
	}

	@Test
	void aMonthlySumThatWouldTakeTooLongIsRefused() {
		assertThatThrownBy(() -> calculator.schedule(rub("100000"), new Terms.ByMonthly(rub("100")),
				LocalDate.of(2026, 6, 15)))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan.months-invalid");
		assertThatThrownBy(() -> new Terms.ByMonths(0)).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> new Terms.ByMonths(ScheduleCalculator.MAX_INSTALMENTS + 1))
			.isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> new Terms.ByMonthly(Money.ZERO)).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> calculator.schedule(Money.ZERO, new Terms.ByMonths(2), LocalDate.of(2026, 6, 15)))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan.nothing-owed");
	}

	@Test
	void monthEndsKeepTheFirstDayOfTheMonthWhereTheMonthHasIt() {
		// 30 April 2026 is a Thursday (shortened, but a working day); 30 May a Saturday; 30 June a Tuesday.
		Schedule schedule = calculator.schedule(rub("3000"), new Terms.ByMonths(3), LocalDate.of(2026, 4, 30));

		assertThat(schedule.instalments()).extracting(Instalment::due)
			.containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
	}

	@ParameterizedTest
	@CsvSource({
			// first chosen, index, due: the 31st anchors every month, a short month ends on its last day
			"2026-03-31, 0, 2026-03-31", // Tuesday
			"2026-03-31, 1, 2026-04-30", // 30 April, Thursday (shortened, still a working day)
			"2026-03-31, 2, 2026-06-01", // 31 May is a Sunday
			"2026-03-31, 3, 2026-06-30", // back on the month's last day, not on the 1st
			"2026-03-31, 4, 2026-07-31",
			"2026-03-31, 11, 2027-03-01", // 28 February 2027 is a Sunday
			"2027-12-31, 2, 2028-02-29", // a leap year's February (provisional year: ст. 112 alone)
			// public holidays and days off by transfer (decree № 1466 for 2026)
			"2026-03-09, 0, 2026-03-10", // 9 March 2026: 8 March's day off
			"2026-03-09, 2, 2026-05-12", // 9 May (Saturday), 10 May (Sunday), 11 May (its day off)
			"2025-12-31, 0, 2026-01-12", // 31 December 2025 (4 January's day off), the holidays, 9 January (3 January's), a weekend
			"2026-05-04, 6, 2026-11-05", // 4 November: Unity Day
	})
	void aDueDayOffMovesToTheNextWorkingDay(LocalDate first, int index, LocalDate due) {
		assertThat(calculator.due(first, index)).isEqualTo(due);
	}

	@Test
	void withinPolicyBreaksNothing() {
		LocalDate today = LocalDate.of(2026, 6, 1);
		Schedule schedule = calculator.schedule(rub("100000"), new Terms.ByMonths(12), today.plusDays(14));

		assertThat(calculator.breaches(schedule, today.plusDays(14), today, PlanPolicy.DEFAULT)).isEmpty();
	}

	@Test
	void eachRuleOfThePolicyIsNamedWhenBroken() {
		LocalDate today = LocalDate.of(2026, 6, 1);
		PlanPolicy policy = new PlanPolicy(true, 3, 12, rub("5000"), 20, 5, 15, 1, false, rub("3000"), 0);

		Schedule tooLong = calculator.schedule(rub("100000"), new Terms.ByMonths(24), today);
		assertThat(calculator.breaches(tooLong, today, today, policy)).extracting(PolicyBreach::code)
			.containsExactly("months", "instalment");
		assertThat(calculator.breaches(tooLong, today, today, policy).getFirst().arguments()).containsExactly(3, 12);

		Schedule tooShort = calculator.schedule(rub("100000"), new Terms.ByMonths(2), today);
		assertThat(calculator.breaches(tooShort, today, today, policy)).extracting(PolicyBreach::code)
			.containsExactly("months");

		// 20 000 a month: 5 instalments; the last, what is left, is not held to the minimum.
		Schedule lastSmall = calculator.schedule(rub("85000"), new Terms.ByMonthly(rub("20000")), today);
		assertThat(lastSmall.last().amount()).isEqualTo(rub("5000"));
		assertThat(calculator.breaches(lastSmall, today, today, policy)).isEmpty();

		Schedule ok = calculator.schedule(rub("100000"), new Terms.ByMonths(10), today.plusDays(21));
		assertThat(calculator.breaches(ok, today.plusDays(21), today, policy)).extracting(PolicyBreach::code)
			.containsExactly("first-late");
		assertThat(calculator.breaches(ok, today.minusDays(1), today, policy)).extracting(PolicyBreach::code)
			.containsExactly("first-past");
		assertThat(calculator.breaches(ok, today.plusDays(20), today, policy)).isEmpty();

		PlanPolicy off = new PlanPolicy(false, 3, 12, rub("5000"), 20, 5, 15, 1, false, rub("3000"), 0);
		assertThat(calculator.breaches(ok, today, today, off)).extracting(PolicyBreach::code).containsExactly("disabled");
	}

	@Test
	void aPolicyRefusesBoundsThatCannotBe() {
		assertThatThrownBy(() -> new PlanPolicy(true, 1, 12, rub("1"), 20, 5, 15, 1, false, rub("1"), 0))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan-policy.months");
		assertThatThrownBy(() -> new PlanPolicy(true, 6, 3, rub("1"), 20, 5, 15, 1, false, rub("1"), 0))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan-policy.months");
		assertThatThrownBy(() -> new PlanPolicy(true, 2, 121, rub("1"), 20, 5, 15, 1, false, rub("1"), 0))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan-policy.months");
		assertThatThrownBy(() -> new PlanPolicy(true, 2, 12, rub("1"), -1, 5, 15, 1, false, rub("1"), 0))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan-policy.days");
		assertThatThrownBy(() -> new PlanPolicy(true, 2, 12, rub("1"), 20, 5, 15, 13, false, rub("1"), 0))
			.isInstanceOf(Rejected.class)
			.hasMessage("plan-policy.repairs");
	}

	@Test
	void aDebtQualifiesByItsBalanceAndDaysPastDue() {
		PlanPolicy policy = new PlanPolicy(true, 2, 12, rub("1000"), 20, 5, 15, 1, false, rub("3000"), 90);

		assertThat(policy.qualifies(rub("3000"), 90)).isEmpty();
		assertThat(policy.qualifies(rub("2999.99"), 400)).extracting(PolicyBreach::code).containsExactly("balance");
		assertThat(policy.qualifies(rub("50000"), 89)).extracting(PolicyBreach::code).containsExactly("days-past-due");
		assertThat(policy.qualifies(rub("50000"), null)).extracting(PolicyBreach::code).containsExactly("days-past-due");
		assertThat(PlanPolicy.DEFAULT.qualifies(rub("50000"), null)).isEmpty();
		PlanPolicy off = new PlanPolicy(false, 2, 12, rub("1000"), 20, 5, 15, 1, false, rub("3000"), 0);
		assertThat(off.qualifies(rub("50000"), 10)).extracting(PolicyBreach::code).containsExactly("disabled");
	}
}
