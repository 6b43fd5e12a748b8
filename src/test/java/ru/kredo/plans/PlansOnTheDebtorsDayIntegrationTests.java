package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A plan's days are its debtor's, in his time zone, wherever the agency counts them (docs/plans.md «Today is the
 * debtor's»): the day a payment came (so whether it was on time, in the agency's adherence), the day it counts as due
 * before today, the day a dispute paused and resumed the plan, the day it broke. Each test drives the instant (a
 * payment's, a dispute's, the adherence's "now") near a debtor's midnight in Vladivostok (UTC+10) or Kaliningrad
 * (UTC+2), where his day and Moscow's differ. Before, all of these counted the agency's day.
 */
@IntegrationTest
class PlansOnTheDebtorsDayIntegrationTests {

	private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
	private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

	@Autowired
	Plans plans;

	@Autowired
	PlanAdherence adherence;

	@Autowired
	Debts debts;

	@Autowired
	DebtorZones zones;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aPaymentAtHalfPastMidnightInVladivostokIsLateOnHisDayAndTheAdherenceCountsItLate() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency, VLADIVOSTOK);
		LocalDate due = calendar.today().minusDays(3);
		dueOn(plan, 1, due);
		Instant halfPastHisMidnight = due.plusDays(1).atTime(0, 30).atZone(VLADIVOSTOK).toInstant();
		assertThat(LocalDate.ofInstant(halfPastHisMidnight, calendar.agencyZone())).as("17:30 on the due day in Moscow")
			.isEqualTo(due);

		pay(tenant, plan, "10000.00", halfPastHisMidnight);

		assertThat(paidOn(plan)).as("the payment's day is his").containsExactly(due.plusDays(1));
		PlanAdherence.Month then = month(adherence.months(tenant, halfPastHisMidnight), due);
		assertThat(then.due()).as("due before his today, though not before the agency's").isEqualTo(1);
		assertThat(then.onTime()).as("paid a day late on his calendar").isZero();
		Instant later = halfPastHisMidnight.plus(Duration.ofDays(20));
		PlanAdherence.Month weeksLater = month(adherence.months(tenant, later), due);
		assertThat(List.of(weeksLater.due(), weeksLater.onTime())).containsExactly(1L, 0L);
		assertThat(adherence.portfolios(tenant, later)).singleElement()
			.satisfies(portfolio -> assertThat(List.of(portfolio.due(), portfolio.onTime())).containsExactly(1L, 0L));
	}

	@Test
	void aPaymentAtHalfPastElevenInKaliningradOnTheDueDayIsOnTimeThoughMoscowIsPastMidnight() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency, KALININGRAD);
		LocalDate due = calendar.today().minusDays(3);
		dueOn(plan, 1, due);
		Instant halfPastEleven = due.atTime(23, 30).atZone(KALININGRAD).toInstant();
		assertThat(LocalDate.ofInstant(halfPastEleven, calendar.agencyZone())).as("00:30 the next day in Moscow")
			.isEqualTo(due.plusDays(1));

		pay(tenant, plan, "10000.00", halfPastEleven);

		assertThat(paidOn(plan)).containsExactly(due);
		PlanAdherence.Month month = month(adherence.months(tenant, halfPastEleven.plus(Duration.ofDays(2))), due);
		assertThat(List.of(month.due(), month.onTime())).as("paid by its date on his calendar").containsExactly(1L, 1L);
	}

	/**
	 * A dispute opened at 01:00 his time (18:00 the day before in Moscow) and rejected at 23:00 his time ten days later
	 * (16:00 in Moscow) paused his plan for ten of his days, not eleven of the agency's: his dates move by ten.
	 */
	@Test
	void aDisputePausesAndResumesThePlanOnTheDebtorsDaysAndMovesHisDatesByHisDaysPaused() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency, VLADIVOSTOK);
		LocalDate day = calendar.today();
		Instant opened = day.atTime(1, 0).atZone(VLADIVOSTOK).toInstant();
		Instant resolved = day.plusDays(10).atTime(23, 0).atZone(VLADIVOSTOK).toInstant();
		assertThat(LocalDate.ofInstant(opened, calendar.agencyZone())).isEqualTo(day.minusDays(1));
		assertThat(LocalDate.ofInstant(resolved, calendar.agencyZone())).isEqualTo(day.plusDays(10));
		UUID dispute = UUID.randomUUID();

		transaction.executeWithoutResult(status -> plans.on(new DisputeOpened(tenant, dispute, plan.debtId(),
				plan.debtorId(), DisputeReason.WRONG_SUM, "КД", opened)));
		assertThat(plans.get(tenant, plan.id()).pausedSince()).as("his day").isEqualTo(day);

		transaction.executeWithoutResult(status -> plans.on(new DisputeResolved(tenant, dispute, plan.debtId(),
				plan.debtorId(), DisputeOutcome.REJECTED, "КД", resolved)));
		Plan resumed = plans.get(tenant, plan.id());
		assertThat(resumed.isPaused()).isFalse();
		ScheduleCalculator calculator = new ScheduleCalculator(calendar.days());
		assertThat(resumed.instalments()).extracting(PlanInstalment::due).containsExactlyElementsOf(
				plan.instalments().stream().map(i -> calculator.due(i.due().plusDays(10), 0)).toList());
	}

	/**
	 * A plan broken at 00:30 his time keeps his day as the day it ended, and the adherence expects of it what was due
	 * up to that day — an instalment due that day too, though it was still the day before in Moscow.
	 */
	@Test
	void aPlanBrokenAtTheDebtorsMidnightEndedOnHisDay() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency, VLADIVOSTOK);
		LocalDate first = plan.instalments().getFirst().due();
		// The default policy: behind after 5 days' grace, broken after 15 more.
		LocalDate broken = first.plusDays(6 + 16);
		dueOn(plan, 2, broken);
		Instant halfPastHisMidnight = broken.atTime(0, 30).atZone(VLADIVOSTOK).toInstant();

		assertThat(plans.check(tenant, plan.id(), halfPastHisMidnight)).isTrue();

		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(jdbc.sql("select ended_on from plans where id = ?").param(plan.id()).query(Date.class).single()
			.toLocalDate()).isEqualTo(broken);
		PlanAdherence.Month month = month(adherence.months(tenant, halfPastHisMidnight), broken);
		assertThat(month.expected()).as("the instalment due on the day it broke, his day")
			.isEqualTo(YearMonth.from(first).equals(YearMonth.from(broken)) ? Money.ofRoubles("20000")
					: Money.ofRoubles("10000"));
		// The broken share: of the plans signed that month (his month), how many broke; per portfolio the same.
		PlanAdherence.Month signed = month(adherence.months(tenant, halfPastHisMidnight),
				plan.signedAt().atZone(VLADIVOSTOK).toLocalDate());
		assertThat(List.of(signed.signed(), signed.broken())).containsExactly(1L, 1L);
		assertThat(signed.brokenPercent()).isEqualTo(100);
		assertThat(adherence.portfolios(tenant, halfPastHisMidnight)).singleElement().satisfies(portfolio -> {
			assertThat(List.of(portfolio.signed(), portfolio.broken())).containsExactly(1L, 1L);
			assertThat(portfolio.brokenPercent()).isEqualTo(100);
		});
	}

	private Plan signedPlan(Provisioned agency, ZoneId zone) {
		TenantId tenant = agency.tenant().id();
		ContactId debtor = fixtures.contact(agency).id();
		zones.record(tenant, debtor, null, zone);
		Debt debt = debts.add(tenant, debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000"), Money.ZERO), 200);
		Plan plan = plans.request(tenant, debtor, debt.id(), PlanReason.ILLNESS, null, null, new Terms.ByMonths(3),
				calendar.today().plusDays(5), Plans.debtor(debtor));
		plans.sign(tenant, debtor, plan.id(), UUID.randomUUID(), "План.");
		return plans.get(tenant, plan.id());
	}

	private void dueOn(Plan plan, int number, LocalDate due) {
		jdbc.sql("update plan_instalments set due_on = ? where plan_id = ? and number = ?")
			.params(Date.valueOf(due), plan.id(), number)
			.update();
	}

	private void pay(TenantId tenant, Plan plan, String roubles, Instant at) {
		transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
				new PaymentId(UUID.randomUUID()), plan.debtId().value(), Money.ofRoubles(roubles), at)));
	}

	private List<LocalDate> paidOn(Plan plan) {
		return jdbc.sql("select paid_on from plan_instalment_payments where plan_id = ? order by id")
			.param(plan.id())
			.query((row, n) -> row.getDate("paid_on").toLocalDate())
			.list();
	}

	private static PlanAdherence.Month month(List<PlanAdherence.Month> months, LocalDate day) {
		return months.stream().filter(m -> m.month().equals(YearMonth.from(day))).findFirst().orElseThrow();
	}
}
