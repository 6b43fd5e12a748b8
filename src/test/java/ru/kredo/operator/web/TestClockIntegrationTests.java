package ru.kredo.operator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.StatementCounter;
import ru.kredo.audit.AuditActor;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.documents.Agency;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A sandbox tenant's test clock (docs/sandbox.md): its admin moves it forward from «Тестовые часы», audited, and its
 * plans (with their reminders) are checked on the moved day at once; a real tenant has no such clock (404), and
 * another tenant's day does not move.
 */
@IntegrationTest
class TestClockIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	/** Its debtors live where it is daytime, its texts name its phone: they go now (the contact gate). */
	@Autowired
	ru.kredo.Reachable reachable;

	@Autowired
	TenantProvisioning provisioning;

	@Autowired
	TenantClocks clocks;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	JdbcClient jdbc;

	@Test
	void movingASandboxsClockFortyDaysPutsItsPlanBehindThenBreaksItAndLeavesOtherTenantsAlone() throws Exception {
		Provisioned sandbox = sandbox();
		UserDetails admin = fixtures.admin(sandbox);
		TenantId tenant = sandbox.tenant().id();
		Plan plan = signedPlan(sandbox);
		Provisioned real = agency(fixtures.tenant(TenantKind.COLLECTOR));
		Plan realPlan = signedPlan(real);
		LocalDate due = plan.instalments().getFirst().due();
		LocalDate today = calendar.today();

		String page = page("/test-clock", admin);
		assertThat(page).contains("Это песочница", "Сегодня для этого клиента: " + ru(today));
		assertThat(page("/plan-policy", admin)).contains("href=\"/test-clock\"");

		// past the policy's 5 grace days on the debtor's own day. How far that is depends on the weekday (asked for
		// today + 5, a Saturday's instalment falls due on the Monday) and on the hour: he lives where it is now 13:00
		// (Reachable.awake), whose date may be a day behind Moscow's. One day more than the grace covers both.
		int behind = (int) java.time.temporal.ChronoUnit.DAYS.between(today, due.plusDays(7));
		assertThat(move(admin, "days", String.valueOf(behind))).isEqualTo("/test-clock");
		assertThat(clocks.today(tenant)).isEqualTo(today.plusDays(behind));
		assertThat(plans.get(tenant, plan.id()).status()).as("checked at once").isEqualTo(PlanStatus.BEHIND);
		assertThat(texts(tenant)).as("the notice that it fell behind, at once").isEqualTo(1);

		assertThat(move(admin, "days", String.valueOf(40 - behind))).isEqualTo("/test-clock");
		assertThat(clocks.today(tenant)).isEqualTo(today.plusDays(40));
		assertThat(plans.get(tenant, plan.id()).status()).as("behind longer than the days to repair")
			.isEqualTo(PlanStatus.BROKEN);
		// It broke on the sandbox's moved day (the debtor's, a day behind Moscow's at most), which the adherence reads.
		assertThat(jdbc.sql("select ended_on from plans where id = ?").param(plan.id()).query(java.sql.Date.class)
			.single().toLocalDate()).isBetween(today.plusDays(39), today.plusDays(40));
		assertThat(page("/test-clock", admin)).contains(ru(today.plusDays(40)), "на 40 дней впереди");
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'TEST_CLOCK_MOVED'")
			.param(tenant.value()).query(Long.class).single()).isEqualTo(2);

		// Another tenant's day, and its plan, did not move.
		assertThat(clocks.today(real.tenant().id())).isEqualTo(today);
		assertThat(plans.get(real.tenant().id(), realPlan.id()).status()).isEqualTo(PlanStatus.ACTIVE);
	}

	@Test
	void theClockMovesForwardOnlyByADateOrDaysAndNeverBack() throws Exception {
		Provisioned sandbox = sandbox();
		UserDetails admin = fixtures.admin(sandbox);
		LocalDate today = clocks.today(sandbox.tenant().id());

		assertThat(status(post("/test-clock").param("to", today.plusDays(3).toString()).with(user(admin)).with(csrf())))
			.isEqualTo(302);
		assertThat(clocks.today(sandbox.tenant().id())).isEqualTo(today.plusDays(3));
		for (String[] wrong : new String[][] { { "days", "0" }, { "days", "-1" }, { "days", "x" }, { "days", "9999" },
				{ "to", today.toString() } }) {
			MvcResult refused = mvc.perform(post("/test-clock").param(wrong[0], wrong[1]).with(user(admin)).with(csrf()))
				.andReturn();
			assertThat(refused.getResponse().getStatus()).as(wrong[0] + "=" + wrong[1]).isEqualTo(422);
			assertThat(refused.getResponse().getContentAsString()).contains("Часы переводятся только вперёд");
		}
		assertThat(clocks.today(sandbox.tenant().id())).isEqualTo(today.plusDays(3));
		assertThatThrownBy(() -> jdbc.sql("update tenants set clock_offset_days = 0 where id = ?")
			.param(sandbox.tenant().id().value()).update()).hasMessageContaining("forward only");
		assertThatThrownBy(() -> jdbc.sql("update tenants set sandbox = false where id = ?")
			.param(sandbox.tenant().id().value()).update()).hasMessageContaining("never changed");
	}

	@Test
	void aRealTenantsClockCannotBeMovedItsPageIsA404AndItCannotBecomeASandbox() throws Exception {
		Provisioned real = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(real);
		TenantId tenant = real.tenant().id();

		assertThat(status(get("/test-clock").with(user(admin)))).isEqualTo(404);
		assertThat(status(post("/test-clock").param("days", "7").with(user(admin)).with(csrf()))).isEqualTo(404);
		assertThatThrownBy(() -> clocks.moveForward(tenant, 7)).isInstanceOf(NotFound.class);
		assertThat(clocks.today(tenant)).isEqualTo(calendar.today());
		assertThat(page("/plan-policy", admin)).doesNotContain("href=\"/test-clock\"");
		assertThatThrownBy(() -> jdbc.sql("update tenants set sandbox = true where id = ?").param(tenant.value())
			.update()).hasMessageContaining("never changed");
		assertThatThrownBy(() -> jdbc.sql("update tenants set clock_offset_days = 7 where id = ?").param(tenant.value())
			.update()).hasMessageContaining("tenants_only_a_sandbox_moves_its_clock");
		// A sandbox's manager has no page either.
		Provisioned sandbox = sandbox();
		assertThat(status(get("/test-clock").with(user(fixtures.signedIn(fixtures.manager(sandbox).email().value())))))
			.isEqualTo(404);
	}

	@Test
	void aRealTenantsClockIsReadOnceAndASandboxsEveryTimeSoThatAMoveShowsAtOnce() throws Exception {
		TenantId real = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
		TenantId sandbox = sandbox().tenant().id();

		clocks.today(real);
		assertThat(StatementCounter.count(() -> clocks.today(real)).statements())
			.as("a real tenant's clock, read again").isZero();
		clocks.today(sandbox);
		assertThat(StatementCounter.count(() -> clocks.today(sandbox)).statements())
			.as("a sandbox's clock, read again").isEqualTo(1);
		LocalDate before = clocks.today(sandbox);
		clocks.moveForward(sandbox, 3);
		assertThat(clocks.today(sandbox)).isEqualTo(before.plusDays(3));
		assertThat(clocks.today(real)).isEqualTo(calendar.today());
	}

	@Test
	void theOperatorsFormCreatesASandboxOnlyWhenTicked() throws Exception {
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		String sandbox = "ООО Песочница " + UUID.randomUUID().toString().substring(0, 8);
		String real = "ООО Настоящая " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(status(post("/operator/tenants").param("name", sandbox).param("kind", "COLLECTOR")
			.param("adminEmail", "s-" + UUID.randomUUID().toString().substring(0, 8) + "@sand.ru")
			.param("adminName", "Анна").param("sandbox", "true").with(user(operator)).with(csrf()))).isEqualTo(302);
		assertThat(status(post("/operator/tenants").param("name", real).param("kind", "COLLECTOR")
			.param("adminEmail", "r-" + UUID.randomUUID().toString().substring(0, 8) + "@real.ru")
			.param("adminName", "Анна").with(user(operator)).with(csrf()))).isEqualTo(302);
		assertThat(page("/operator/tenants", operator)).contains("id=\"sandbox\"", "Песочница (тестовый клиент)");
		assertThat(clocks.isSandbox(tenants.findByName(sandbox).orElseThrow().id())).isTrue();
		assertThat(clocks.isSandbox(tenants.findByName(real).orElseThrow().id())).isFalse();
	}

	@Autowired
	ru.kredo.tenancy.TenantDirectory tenants;

	@Autowired
	ru.kredo.monitoring.Watches watches;

	@Autowired
	ru.kredo.collections.Offers offers;

	@Test
	void aSandboxsConsentsLapseAndItsOffersAreRenewedOnItsMovedDayAndAnotherTenantsDoNot() throws Exception {
		Provisioned sandbox = sandbox();
		Provisioned real = fixtures.tenant(TenantKind.COLLECTOR);
		LocalDate today = calendar.today();
		ru.kredo.monitoring.Watch lapsing = consentLapsingIn10Days(sandbox);
		ru.kredo.monitoring.Watch realLapsing = consentLapsingIn10Days(real);
		offers.addRule(sandbox.tenant().id(), "Скидка", 0, Money.ZERO, 20, 7, ru.kredo.collections.PartPolicy.IN_FULL);
		Debt debt = debts.add(sandbox.tenant().id(), fixtures.contact(sandbox).id(), "ПАО «Банк»",
				"КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		offers.makeOffers(sandbox.tenant().id());
		assertThat(offers.find(sandbox.tenant().id(), debt.id()).orElseThrow().validUntil()).isEqualTo(today.plusDays(7));

		assertThat(move(fixtures.admin(sandbox), "days", "12")).isEqualTo("/test-clock");

		assertThat(watches.get(sandbox.tenant().id(), lapsing.id()).status())
			.isEqualTo(ru.kredo.monitoring.WatchStatus.STOPPED);
		assertThat(watches.get(sandbox.tenant().id(), lapsing.id()).stopReason())
			.isEqualTo(ru.kredo.monitoring.StopReason.CONSENT_EXPIRED);
		assertThat(offers.find(sandbox.tenant().id(), debt.id()).orElseThrow().validUntil())
			.as("the lapsed offer renewed from the moved day").isEqualTo(today.plusDays(12 + 7));
		assertThat(watches.get(real.tenant().id(), realLapsing.id()).status())
			.isEqualTo(ru.kredo.monitoring.WatchStatus.ACTIVE);
		assertThat(consentLapsingIn10Days(sandbox).startsOn()).as("a watch started now starts on the moved day")
			.isEqualTo(today.plusDays(12));
		assertThat(consentLapsingIn10Days(real).startsOn()).isEqualTo(today);
	}

	private ru.kredo.monitoring.Watch consentLapsingIn10Days(Provisioned tenant) {
		LocalDate consentDay = calendar.today().minusMonths(6).plusDays(10);
		return watches.watch(tenant.tenant().id(), new ru.kredo.contacts.PersonDetails(new ru.kredo.contacts.FullName(
				ru.kredo.Fixtures.uniqueSurname("Лапин"), "Пётр", null),
				LocalDate.of(1970, 1, 1), null, null, null, null, null),
				ru.kredo.monitoring.WatchTerms.of(ru.kredo.monitoring.Segment.PAUSED, new ru.kredo.monitoring.Consent(
						consentDay, "Подбор кредита", ru.kredo.monitoring.ConsentMethod.PAPER, null, null)));
	}

	/**
	 * The agency's page of a sandbox's plan reads the plan's days as Plans does — the debtor's today on the moved clock
	 * — so an instalment the check found missed shows as overdue there, not as still due on the real date (plandays).
	 */
	@Test
	void theAgencysPlanPageShowsAnInstalmentOverdueOnTheMovedDay() throws Exception {
		Provisioned sandbox = sandbox();
		UserDetails admin = fixtures.admin(sandbox);
		TenantId tenant = sandbox.tenant().id();
		Plan plan = signedPlan(sandbox);
		assertThat(page("/plans/" + plan.id(), admin)).contains(">ожидается<").doesNotContain(">просрочен<");

		// past the policy's 5 grace days after the first instalment on the debtor's day (see the test above)
		move(admin, "days", String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(calendar.today(),
				plan.instalments().getFirst().due().plusDays(7))));
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);
		assertThat(page("/plans/" + plan.id(), admin)).contains(">просрочен<");
	}

	private Provisioned sandbox() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return agency(provisioning.provision("Песочница " + unique, TenantKind.COLLECTOR, true,
				"admin-" + unique + "@test.kredo", "Админ " + unique, Fixtures.PASSWORD, AuditActor.COMMAND_LINE));
	}

	private Provisioned agency(Provisioned agency) {
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		return agency;
	}

	private Plan signedPlan(Provisioned agency) {
		TenantId tenant = agency.tenant().id();
		Debt debt = debts.add(tenant, fixtures.contact(agency).id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		reachable.awake(tenant, debt.contactId());
		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(2), clocks.today(tenant).plusDays(5), Plans.debtor(debt.contactId()));
		plans.sign(tenant, debt.contactId(), plan.id(), UUID.randomUUID(), "План.");
		return plans.get(tenant, plan.id());
	}

	private String move(UserDetails admin, String field, String value) throws Exception {
		MvcResult result = mvc.perform(post("/test-clock").param(field, value).with(user(admin)).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private String page(String path, UserDetails staff) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(staff))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private long texts(TenantId tenant) {
		return jdbc.sql("select count(*) from sms_outbox where tenant_id = ?").param(tenant.value())
			.query(Long.class).single();
	}

	private static String ru(LocalDate day) {
		return day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
	}
}
