package ru.kredo.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's plan policy page (issue 13): its own terms and each portfolio's, saved, shown again and audited; the
 * policy a debt is under (its portfolio's own, else the agency's) and whether it qualifies; agencies' admins only.
 */
@IntegrationTest
class PlanPolicyPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	PlanPolicies policies;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAgencysPolicyIsSavedShownAgainAsADebtorReadsItAndAudited() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);

		String page = cabinet.staffPage("/plan-policy", admin);
		assertThat(page).contains("Долг можно погасить частями: от 2 до 24 месяцев, не меньше 1\u00a0000\u00a0₽ в месяц",
				"первый платёж — не позже чем через 30 дней");

		assertThat(redirect(form(post("/plan-policy"), "minMonths", "3", "maxMonths", "12",
			"minInstalment", "2 500,50", "maxDaysToFirst", "14", "repairs", "0", "withDiscount", "on",
			"minDaysPastDue", "90").with(user(admin)))).isEqualTo("/plan-policy");

		assertThat(policies.agency(agency.tenant().id())).isEqualTo(new PlanPolicy(true, 3, 12,
				Money.ofRoubles("2500.50"), 14, 5, 15, 0, true, Money.ofRoubles("3000"), 90));
		page = cabinet.staffPage("/plan-policy", admin);
		assertThat(page).contains("value=\"3\"", "value=\"12\"", "value=\"2500,50\"", "value=\"14\"")
			.contains("Долг можно погасить частями: от 3 до 12 месяцев, не меньше 2\u00a0500,50\u00a0₽ в месяц",
					"не позже чем через 14 дней", "Исправлять план самому нельзя.", "План можно сочетать со скидкой.",
					"Так можно погасить долг от 3\u00a0000\u00a0₽ с просрочкой от 90 дней.");
		assertThat(audited(agency, "PLAN_POLICY_CHANGED")).isEqualTo(1);
		assertThat(cabinet.staffPage("/audit", admin)).contains("Изменены условия рассрочки",
				"рассрочка включена; срок 3–12 мес.; платёж от 2\u00a0500,50\u00a0₽; первый платёж — в течение 14 дн.",
				"исправлений самому: 0; можно со скидкой; долг от 3\u00a0000,00\u00a0₽; просрочка от 90 дн.");
		assertThat(cabinet.staffPage("/plan-policy?lang=en", admin)).contains(
				"The debt can be repaid in parts: 3 to 12 months, at least 2\u00a0500,50\u00a0₽ a month",
				"the first payment at most 14 days from today", "A plan cannot be repaired by yourself.",
				"This is for a debt of 3\u00a0000\u00a0₽ or more, at least 90 days past due.");
	}

	@Test
	void aWrongPolicyComesBackWithEveryWrongFieldAndSavesNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		MvcResult result = mvc.perform(form(post("/plan-policy"), "minMonths", "12", "maxMonths", "6",
			"minInstalment", "-5", "graceDays", "1e9").with(user(fixtures.admin(agency))).with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Наибольший срок не может быть меньше наименьшего (12 мес.).", "Укажите число дней от 0 до 90.",
					"value=\"1e9\"");
		assertThat(policies.agency(agency.tenant().id())).isEqualTo(PlanPolicy.DEFAULT);
		assertThat(audited(agency, "PLAN_POLICY_CHANGED")).isZero();
	}

	@Test
	void aPortfoliosOwnPolicyWinsForItsDebtsAndTheAgencysForTheOthers() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		UUID ownTerms = portfolio(agency, "Банк А, ноябрь");
		UUID agencyTerms = portfolio(agency, "Банк Б, ноябрь");
		Contact debtor = fixtures.contact(agency);
		Debt inOwn = debt(agency, debtor, "А-1", ownTerms);
		Debt inOther = debt(agency, debtor, "Б-1", agencyTerms);
		Debt oneByOne = debt(agency, debtor, "В-1", null);

		assertThat(cabinet.staffPage("/plan-policy", admin)).contains("Банк А, ноябрь", "Банк Б, ноябрь");
		assertThat(redirect(form(post("/plan-policy/portfolios/{id}", ownTerms), "minMonths", "6",
			"maxMonths", "36").with(user(admin)))).isEqualTo("/plan-policy/portfolios/" + ownTerms);
		assertThat(redirect(form(post("/plan-policy"), "maxMonths", "10").with(user(admin))))
			.isEqualTo("/plan-policy");

		assertThat(quotes.eligibility(inOwn).policy().maxMonths()).isEqualTo(36);
		assertThat(quotes.eligibility(inOther).policy().maxMonths()).isEqualTo(10);
		assertThat(quotes.eligibility(oneByOne).policy().maxMonths()).isEqualTo(10);
		assertThat(cabinet.staffPage("/plan-policy", admin)).contains("Свои: от 6 до 36 мес.");
		assertThat(cabinet.staffPage("/plan-policy/portfolios/" + ownTerms, admin))
			.contains("У портфеля свои условия", "от 6 до 36 месяцев");

		assertThat(redirect(post("/plan-policy/portfolios/{id}/delete", ownTerms).with(user(admin))))
			.isEqualTo("/plan-policy");
		assertThat(policies.portfolio(agency.tenant().id(), ownTerms)).isEmpty();
		assertThat(quotes.eligibility(inOwn).policy().maxMonths()).isEqualTo(10);
		assertThat(cabinet.staffPage("/plan-policy/portfolios/" + ownTerms, admin)).contains("У портфеля нет своих условий");
		assertThat(audited(agency, "PLAN_POLICY_CHANGED")).isEqualTo(2);
		assertThat(audited(agency, "PLAN_POLICY_REMOVED")).isEqualTo(1);
		assertThat(cabinet.staffPage("/audit", admin)).contains("Портфель переведён на общие условия рассрочки",
				"портфель «Банк А, ноябрь»; рассрочка включена; срок 6–36 мес.");
	}

	@Test
	void aDebtQualifiesWhenOpenAndWithinThePolicysBalanceAndDaysPastDue() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		policies.save(agency.tenant().id(), Optional.empty(), new PlanPolicy(true, 2, 24, Money.ofRoubles("1000"), 30, 5,
				15, 1, false, Money.ofRoubles("5000"), 60));

		assertThat(quotes.eligibility(debt(agency, debtor, "Q-1", "9000.00", 100)).qualifies()).isTrue();
		assertThat(quotes.eligibility(debt(agency, debtor, "Q-2", "4999.99", 100)).breaches())
			.extracting(PolicyBreach::code).containsExactly("balance");
		assertThat(quotes.eligibility(debt(agency, debtor, "Q-3", "9000.00", 30)).breaches())
			.extracting(PolicyBreach::code).containsExactly("days-past-due");
		Debt disputed = debt(agency, debtor, "Q-4", "9000.00", 100);
		debts.dispute(agency.tenant().id(), disputed.id());
		assertThat(quotes.eligibility(debts.get(agency.tenant().id(), disputed.id())).breaches())
			.extracting(PolicyBreach::code).containsExactly("debt-disputed");
		Debt closed = debt(agency, debtor, "Q-5", "9000.00", 100);
		debts.writeOff(agency.tenant().id(), closed.id());
		assertThat(quotes.eligibility(debts.get(agency.tenant().id(), closed.id())).breaches())
			.extracting(PolicyBreach::code).contains("debt-closed");
	}

	@Test
	void onlyAnAgencysAdminHasThePageAndOnlyForItsOwnPortfolios() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned another = fixtures.tenant(TenantKind.COLLECTOR);
		UUID anothers = portfolio(another, "Чужой");

		assertThat(cabinet.status(get("/plan-policy").with(user(fixtures.admin(broker))))).isEqualTo(404);
		assertThat(cabinet.status(form(post("/plan-policy")).with(user(fixtures.admin(broker))).with(csrf())))
			.isEqualTo(404);
		assertThat(cabinet.status(get("/plan-policy").with(user(fixtures.signedIn(fixtures.manager(agency).email()
			.value()))))).isEqualTo(404);
		assertThat(cabinet.status(get("/plan-policy/portfolios/{id}", anothers).with(user(fixtures.admin(agency)))))
			.isEqualTo(404);
		assertThat(cabinet.status(form(post("/plan-policy/portfolios/{id}", anothers)).with(user(fixtures.admin(agency)))
			.with(csrf()))).isEqualTo(404);
		assertThat(policies.portfolio(another.tenant().id(), anothers)).isEmpty();
		assertThat(cabinet.staffPage("/offer-rules", fixtures.admin(agency))).contains("href=\"/plan-policy\"");
	}

	/** The form as the page sends it with the default terms, but for the fields given (name, value, name, value…). */
	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String... changed) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("enabled", "on");
		fields.put("minMonths", "2");
		fields.put("maxMonths", "24");
		fields.put("minInstalment", "1000");
		fields.put("maxDaysToFirst", "30");
		fields.put("graceDays", "5");
		fields.put("daysToRepair", "15");
		fields.put("repairs", "1");
		fields.put("minBalance", "3000");
		fields.put("minDaysPastDue", "0");
		for (int i = 0; i < changed.length; i += 2) {
			fields.put(changed[i], changed[i + 1]);
		}
		fields.forEach(request::param);
		return request;
	}

	private String redirect(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private long audited(Provisioned agency, String action) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ?")
			.params(agency.tenant().id().value(), action).query(Long.class).single();
	}

	private UUID portfolio(Provisioned agency, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, now())")
			.params(id, agency.tenant().id().value(), name).update();
		return id;
	}

	private Debt debt(Provisioned agency, Contact debtor, String contract, UUID portfolio) {
		Debt debt = debt(agency, debtor, contract, "10000.00", 200);
		jdbc.sql("update debts set portfolio_id = ? where id = ?").params(portfolio, debt.id().value()).update();
		return debt;
	}

	private Debt debt(Provisioned agency, Contact debtor, String contract, String principal, int daysPastDue) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", contract, LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal),
						Money.ZERO), daysPastDue);
	}
}
