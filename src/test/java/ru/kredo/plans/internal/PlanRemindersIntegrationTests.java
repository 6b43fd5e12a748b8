package ru.kredo.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Nodes;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.documents.Agency;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanInstalment;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A plan's texts go out through the outbound port to the SMS stand-in the tests use (the development outbox,
 * {@code sms_outbox}): the reminder before an instalment falls due, and the notice when the plan falls behind — each
 * once, naming the agency and its phone (137-ФЗ), with the amount, the date and the link to the debt.
 */
@IntegrationTest
class PlanRemindersIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@Autowired
	PlanReminders reminders;

	@Autowired
	PlanCheck check;

	@Autowired
	Plans plans;

	@Autowired
	Debts debts;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Fixtures fixtures;

	/** Its debtors live where it is daytime, its texts name its phone: they go now (the contact gate). */
	@Autowired
	ru.kredo.Reachable reachable;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	DebtorZones zones;

	@Test
	void eachInstalmentIsRemindedOnceFromTheDaysBeforeItsDueDateNamingTheAgencyAndItsPhone() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency);
		PlanInstalment first = plan.instalments().getFirst();

		assertThat(reminders.run(tenant, noon(plan, first.due().minusDays(4)))).as("four days before: not yet").isZero();
		assertThat(texts(tenant)).isEmpty();
		assertThat(reminders.run(tenant, noon(plan, first.due().minusDays(3)))).isEqualTo(1);
		assertThat(texts(tenant)).singleElement().satisfies(text -> assertThat(text)
			.contains("«" + agency.tenant().name() + "»", "10" + '\u00a0' + "000,00" + '\u00a0' + "₽",
					DAY.format(first.due()), "/cabinet/" + tenant.value() + "/debts/" + plan.debtId().value(),
					"+7 495 000-00-00"));
		// Again the same day, the next day, on the due date itself (another node, a restart): never twice.
		reminders.run(tenant, noon(plan, first.due().minusDays(3)));
		reminders.run(tenant, noon(plan, first.due().minusDays(2)));
		reminders.run(tenant, noon(plan, first.due()));
		assertThat(texts(tenant)).hasSize(1);

		// The second instalment's turn comes when its own days come.
		PlanInstalment second = plan.instalments().get(1);
		assertThat(reminders.run(tenant, noon(plan, second.due().minusDays(1)))).isEqualTo(1);
		assertThat(texts(tenant)).hasSize(2).last().asString().contains(DAY.format(second.due()));
	}

	@Test
	void aPlanThatFallsBehindIsToldOnceInTheDaytimeRunWithWhatIsUnpaidAndSince() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlan(agency);
		PlanInstalment first = plan.instalments().getFirst();
		LocalDate behind = first.due().plusDays(6);

		check.run(noon(plan, behind));
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);
		assertThat(texts(tenant)).as("not from the night's check").isEmpty();

		assertThat(reminders.run(tenant, noon(plan, behind))).isEqualTo(1);
		assertThat(texts(tenant)).singleElement().asString().contains("не поступил",
				"«" + agency.tenant().name() + "»", "10" + '\u00a0' + "000,00" + '\u00a0' + "₽", DAY.format(first.due()),
				"/cabinet/" + tenant.value() + "/debts/" + plan.debtId().value(), "+7 495 000-00-00");
		check.run(noon(plan, behind));
		reminders.run(tenant, noon(plan, behind));
		reminders.run(tenant, noon(plan, behind.plusDays(1)));
		assertThat(texts(tenant)).hasSize(1);
	}

	/**
	 * «Falls due in N days» is counted on the debtor's own today: at 00:30 in Vladivostok (UTC+10), three days before
	 * his date, it is 17:30 the day before in Moscow — he is reminded; at 00:30 in Moscow a debtor in Kaliningrad
	 * (UTC+2) is still on the day before his window — he is not, until his own midnight.
	 */
	@Test
	void theDaysBeforeAnInstalmentAreCountedOnTheDebtorsOwnToday() {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Plan far = signedPlan(agency, ZoneId.of("Asia/Vladivostok"));
		LocalDate due = far.instalments().getFirst().due();
		Instant vladivostokMidnight = due.minusDays(3).atTime(0, 30).atZone(ZoneId.of("Asia/Vladivostok")).toInstant();
		assertThat(reminders.run(tenant, vladivostokMidnight.minusSeconds(3600))).as("23:30 the day before, his time")
			.isZero();
		assertThat(reminders.run(tenant, vladivostokMidnight)).as("his midnight passed, not Moscow's").isEqualTo(1);

		Provisioned west = agency();
		TenantId westTenant = west.tenant().id();
		Plan near = signedPlan(west, ZoneId.of("Europe/Kaliningrad"));
		LocalDate nearDue = near.instalments().getFirst().due();
		Instant moscowMidnight = nearDue.minusDays(3).atTime(0, 30).atZone(calendar.agencyZone()).toInstant();
		assertThat(reminders.run(westTenant, moscowMidnight)).as("23:30 the day before in Kaliningrad").isZero();
		assertThat(reminders.run(westTenant, moscowMidnight.plusSeconds(3600))).as("00:30 in Kaliningrad").isEqualTo(1);
	}

	@Test
	void anAgencyWithoutAPhoneToNameSendsNothing() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Plan plan = signedPlan(agency);
		reminders.run(agency.tenant().id(), noon(plan, plan.instalments().getFirst().due()));
		assertThat(texts(agency.tenant().id())).isEmpty();
	}

	/**
	 * Texts to debtors are the job whose double would hurt most (a second text is a contact the law counts, 230-ФЗ):
	 * two nodes running the daytime run at the same moment send each reminder once — the text's row is claimed in
	 * the transaction that sends it, and the other node's claim waits for it and finds it taken (docs/scaling.md).
	 */
	@Test
	void twoNodesRunningTheRemindersAtOnceSendEachTextOnce() throws Exception {
		List<Provisioned> agencies = new ArrayList<>();
		List<Plan> signed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			agencies.add(agency());
			signed.add(signedPlan(agencies.getLast()));
		}
		ConfigurableApplicationContext other = Nodes.start();
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			PlanReminders there = other.getBean(PlanReminders.class);
			for (int i = 0; i < agencies.size(); i++) {
				TenantId tenant = agencies.get(i).tenant().id();
				Instant at = noon(signed.get(i), signed.get(i).instalments().getFirst().due().minusDays(3));
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Integer> here = both.submit(() -> {
					together.await();
					return reminders.run(tenant, at);
				});
				Future<Integer> onB = both.submit(() -> {
					together.await();
					return there.run(tenant, at);
				});
				assertThat(here.get(60, TimeUnit.SECONDS) + onB.get(60, TimeUnit.SECONDS)).as("texts sent by both nodes")
					.isEqualTo(1);
				assertThat(texts(tenant)).hasSize(1);
			}
		}
		finally {
			both.shutdownNow();
			other.close();
		}
	}

	private final Map<UUID, ZoneId> debtorZones = new HashMap<>();

	private Provisioned agency() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		return agency;
	}

	private Plan signedPlan(Provisioned agency) {
		return signedPlan(agency, null);
	}

	private Plan signedPlan(Provisioned agency, ZoneId zone) {
		TenantId tenant = agency.tenant().id();
		ContactId debtor = fixtures.contact(agency).id();
		zones.record(tenant, debtor, null, zone);
		Debt debt = debts.add(tenant, debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		if (zone == null) {
			// where it is early afternoon now, so that the gate lets the texts through whatever the hour of the run; a
			// test that names his zone counts the reminders asked, not the texts that went
			zone = reachable.awake(tenant, debt.contactId());
		}
		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(2), calendar.today().plusDays(5), Plans.debtor(debt.contactId()));
		plans.sign(tenant, debt.contactId(), plan.id(), UUID.randomUUID(), "План.");
		debtorZones.put(plan.id(), zone);
		return plans.get(tenant, plan.id());
	}

	/**
	 * Noon of {@code day} where the plan's debtor lives. Not the agency's noon: a debtor who lives where it is 13:00 now
	 * lives as far as UTC−11 when the tests run near midnight UTC, where the agency's noon is still the day before.
	 */
	private Instant noon(Plan plan, LocalDate day) {
		return day.atTime(12, 0).atZone(debtorZones.get(plan.id())).toInstant();
	}

	private List<String> texts(TenantId tenant) {
		return jdbc.sql("select text from sms_outbox where tenant_id = ? order by id")
			.param(tenant.value())
			.query(byte[].class)
			.list()
			.stream()
			.map(sealed -> personalData.open("sms_outbox.text", new Sealed(sealed)))
			.toList();
	}
}
