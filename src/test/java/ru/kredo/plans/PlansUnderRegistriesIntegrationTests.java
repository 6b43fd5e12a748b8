package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtLine;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A registry uploaded again restates a debt under a running plan — the agency's books, not the plan's payments: one
 * that shows it paid ends the plan ({@code DEBT_CLOSED}), one that raises it ends the plan ({@code BALANCE_RAISED}, the
 * debt open again), one that lowers it reshapes the plan to what is owed. Each move logged, audited, and said on the
 * agency's page. Before, the plan ran on over a closed debt and paid instalments nobody owed.
 */
@IntegrationTest
class PlansUnderRegistriesIntegrationTests {

	private static final String HEADER = "ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД;Оплачено";

	@Autowired
	MockMvc mvc;

	@Autowired
	PortfolioImports imports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.cabinet.web.CabinetMvc cabinet;

	@Test
	void aRegistryThatShowsTheDebtPaidEndsItsPlanVisibly() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlanOnARegistrysDebt(agency, "20000");

		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;20000;20000");

		Plan ended = plans.get(tenant, plan.id());
		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.ending()).isEqualTo(PlanEnding.DEBT_CLOSED);
		assertThat(debts.get(tenant, plan.debtId()).status()).as("closed by the registry, stays closed")
			.isEqualTo(DebtStatus.CLOSED);
		assertThat(plans.transitions(tenant, plan.id()).getLast().reason()).contains("DEBT_CLOSED", "registry");
		assertThat(auditActions(tenant, plan.id())).endsWith("PLAN_BROKEN");
		assertThat(plans.running()).noneMatch(running -> running.plan().equals(plan.id()));
		assertThat(page(agency, plan)).contains("Долг закрыт по реестру агентства");
		assertThat(plans.reshapes(tenant, plan.id())).as("closed, not reshaped").isEmpty();
	}

	@Test
	void aRegistryThatLowersTheBalanceReshapesThePlanToWhatIsOwed() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlanOnARegistrysDebt(agency, "20000");
		assertThat(plan.instalments()).extracting(PlanInstalment::amount)
			.containsExactly(Money.ofRoubles("10000"), Money.ofRoubles("10000"));

		// The assignor received 15 000: 5 000 is owed, the first instalment's date and a smaller sum.
		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;20000;15000");

		Plan reshaped = plans.get(tenant, plan.id());
		assertThat(reshaped.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(reshaped.total()).isEqualTo(Money.ofRoubles("5000"));
		assertThat(reshaped.instalments()).extracting(PlanInstalment::due, PlanInstalment::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(plan.instalments().getFirst().due(),
					Money.ofRoubles("5000")));
		assertThat(debts.get(tenant, plan.debtId()).status()).isEqualTo(DebtStatus.UNDER_PLAN);
		assertThat(auditActions(tenant, plan.id())).endsWith("PLAN_RESHAPED");
		assertThat(plans.transitions(tenant, plan.id()).getLast().reason()).isEqualTo("registry:20000.00>5000.00");
		assertThat(plans.reshapes(tenant, plan.id())).singleElement()
			.satisfies(r -> assertThat(List.of(r.before(), r.after()))
				.containsExactly(Money.ofRoubles("20000"), Money.ofRoubles("5000")));

		// His cabinet says why his schedule changed: the agency's registry, when, from what to what, and the rest
		// recalculated (before, only the agency's history said so).
		String day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
			.format(plans.transitions(tenant, plan.id()).getLast().at().atZone(calendar.agencyZone()));
		String cabinetPage = cabinet.page("/cabinet/" + tenant.value() + "/debts/" + plan.debtId().value(),
				cabinet.signedIn(tenant, plan.debtorId()));
		assertThat(cabinetPage).contains("class=\"alert alert-info plan-reshaped\"",
				day + " агентство обновило сведения о долге по своему реестру: долг уменьшился с 20\u00a0000,00\u00a0₽ до "
						+ "5\u00a0000,00\u00a0₽.",
				"оставшиеся платежи по плану пересчитаны", "Осталось заплатить по плану 5\u00a0000,00\u00a0₽.");
	}

	@Test
	void aRegistryThatRaisesTheBalanceEndsThePlanAndTheDebtIsOwedAgain() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Plan plan = signedPlanOnARegistrysDebt(agency, "20000");

		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;26000;");

		Plan ended = plans.get(tenant, plan.id());
		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.ending()).isEqualTo(PlanEnding.BALANCE_RAISED);
		Debt debt = debts.get(tenant, plan.debtId());
		assertThat(debt.status()).isEqualTo(DebtStatus.OPEN);
		assertThat(debt.total()).isEqualTo(Money.ofRoubles("26000"));
		assertThat(auditActions(tenant, plan.id())).endsWith("PLAN_BROKEN");
	}

	@Test
	void aRegistryThatClosesADebtWithARequestPendingDeclinesTheRequest() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;20000;");
		Debt debt = onlyDebt(tenant);
		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(2), calendar.today().plusDays(5), Plans.debtor(debt.contactId()));

		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;20000;20000");

		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(plans.current(tenant, debt.id())).isEmpty();
	}

	private Plan signedPlanOnARegistrysDebt(Provisioned agency, String principal) throws Exception {
		TenantId tenant = agency.tenant().id();
		upload(agency, "Иванов Пётр;01.02.1980;ПАО «Банк»;R-1;01.01.2020;" + principal + ";");
		Debt debt = onlyDebt(tenant);
		Plan plan = plans.request(tenant, debt.contactId(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(2), calendar.today().plusDays(5), Plans.debtor(debt.contactId()));
		plans.sign(tenant, debt.contactId(), plan.id(), UUID.randomUUID(), "План.");
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_PLAN);
		return plans.get(tenant, plan.id());
	}

	private Debt onlyDebt(TenantId tenant) {
		List<DebtLine> lines = debts.search(tenant, "", 0, 10);
		assertThat(lines).hasSize(1);
		return lines.getFirst().debt();
	}

	private void upload(Provisioned agency, String row) throws Exception {
		UserDetails admin = fixtures.admin(agency);
		byte[] file = (HEADER + "\r\n" + row + "\r\n").getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse response = mvc.perform(multipart("/debtors/portfolios")
			.file(new MockMultipartFile("file", "registry.csv", "text/csv", file))
			.param("name", "Банк")
			.with(user(admin))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/debtors/portfolios/imports/");
		UUID id = UUID.fromString(response.getRedirectedUrl().substring("/debtors/portfolios/imports/".length()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !imports.get(agency.tenant().id(), id).isRunning());
		assertThat(imports.get(agency.tenant().id(), id).rejected()).as("the row is taken").isZero();
	}

	private String page(Provisioned agency, Plan plan) throws Exception {
		return mvc.perform(get("/plans/{id}", plan.id()).with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString();
	}

	private List<String> auditActions(TenantId tenant, UUID plan) {
		return jdbc.sql("select action from audit_events where tenant_id = ? and object_type = 'plan' and object_id = ? "
				+ "order by id")
			.params(tenant.value(), plan.toString())
			.query(String.class)
			.list();
	}
}
