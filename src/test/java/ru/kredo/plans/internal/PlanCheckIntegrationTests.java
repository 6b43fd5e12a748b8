package ru.kredo.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The day's job drives every running plan through {@link Plans#check} on the day it is given (the scheduled run gives
 * the agency's today): the test moves that day instead of waiting for it.
 */
@IntegrationTest
class PlanCheckIntegrationTests {

	@Autowired
	PlanCheck job;

	@Autowired
	Plans plans;

	@Autowired
	Debts debts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	DebtorZones zones;

	@Test
	void theDaysRunPutsAMissedPlanBehindThenBreaksItAndMovesNothingTwice() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Debt debt = debts.add(tenant, fixtures.contact(agency).id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(2), calendar.today().plusDays(5), Plans.debtor(debt.contactId()));
		// Signed as the cabinet signs (a confirmed texted code is the signature; PlansIntegrationTests texts one).
		plans.sign(tenant, debt.contactId(), plan.id(), UUID.randomUUID(), "План.");
		LocalDate due = plans.get(tenant, plan.id()).instalments().getFirst().due();

		job.run(due.plusDays(5));
		assertThat(plans.get(tenant, plan.id()).status()).as("within the grace days").isEqualTo(PlanStatus.ACTIVE);
		assertThat(job.run(due.plusDays(6))).isGreaterThanOrEqualTo(1);
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);
		job.run(due.plusDays(6));
		assertThat(plans.transitions(tenant, plan.id())).hasSize(3);
		job.run(due.plusDays(6 + 16));
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(plans.running()).noneMatch(running -> running.plan().equals(plan.id()));
	}

	/**
	 * A plan falls behind on the debtor's own day: the day after the grace days begins at his midnight — in Vladivostok
	 * (UTC+10) seven hours before Moscow's, in Kaliningrad (UTC+2) an hour after it.
	 */
	@Test
	void aPlanFallsBehindAtTheDebtorsMidnightNotTheAgencys() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		ZoneId vladivostok = ZoneId.of("Asia/Vladivostok");
		Plan far = signedPlan(agency, vladivostok);
		int grace = 5; // the default policy's
		LocalDate firstLate = far.instalments().getFirst().due().plusDays(grace + 1L);
		Instant hisMidnight = firstLate.atStartOfDay(vladivostok).toInstant();
		job.run(hisMidnight.minusSeconds(60));
		assertThat(plans.get(tenant, far.id()).status()).as("23:59 on his last grace day").isEqualTo(PlanStatus.ACTIVE);
		job.run(hisMidnight.plusSeconds(60));
		assertThat(plans.get(tenant, far.id()).status()).as("00:01 his time, 17:01 the day before in Moscow")
			.isEqualTo(PlanStatus.BEHIND);
		assertThat(plans.get(tenant, far.id()).behindSince()).isEqualTo(firstLate);

		ZoneId kaliningrad = ZoneId.of("Europe/Kaliningrad");
		Plan near = signedPlan(agency, kaliningrad);
		LocalDate nearLate = near.instalments().getFirst().due().plusDays(grace + 1L);
		job.run(nearLate.atStartOfDay(calendar.agencyZone()).toInstant().plusSeconds(60));
		assertThat(plans.get(tenant, near.id()).status()).as("00:01 in Moscow, 23:01 his last grace day")
			.isEqualTo(PlanStatus.ACTIVE);
		job.run(nearLate.atStartOfDay(kaliningrad).toInstant().plusSeconds(60));
		assertThat(plans.get(tenant, near.id()).status()).isEqualTo(PlanStatus.BEHIND);
	}

	private Plan signedPlan(Provisioned agency, ZoneId zone) {
		TenantId tenant = agency.tenant().id();
		ContactId debtor = fixtures.contact(agency).id();
		zones.record(tenant, debtor, null, zone);
		Debt debt = debts.add(tenant, debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		Plan plan = plans.request(tenant, debtor, debt.id(), PlanReason.ILLNESS, null, null, new Terms.ByMonths(2),
				calendar.today().plusDays(5), Plans.debtor(debtor));
		plans.sign(tenant, debtor, plan.id(), UUID.randomUUID(), "План.");
		return plans.get(tenant, plan.id());
	}
}
