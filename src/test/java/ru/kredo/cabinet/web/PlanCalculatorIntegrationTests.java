package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.Schedule;
import ru.kredo.plans.ScheduleCalculator;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantKind;

/**
 * «Погасить частями» on the debtor's debt page (issue 13): the policy as he reads it, the calculator by GET — by
 * months and by a monthly sum, kopeck-exact, each date and amount —, what it says outside the policy, every wrong
 * input answered on the page, and no section on a debt that does not qualify.
 */
@IntegrationTest
class PlanCalculatorIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@Autowired
	CabinetMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	PlanPolicies policies;

	@Autowired
	JdbcClient jdbc;

	private final ScheduleCalculator calculator = new ScheduleCalculator(ProductionCalendar.russian());

	@Test
	void byMonthsThePageShowsTheMonthlyPaymentTheLastOneEachDateAndTheTotal() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor, "100000.00");
		LocalDate first = quotes.today(debt).plusDays(10);
		String page = mvc.page(calculator(agency, debt, "months", "12", null, first.toString()), signedIn(agency, debtor));

		assertThat(page).contains("Погасить частями", "Долг можно погасить частями: от 2 до 24 месяцев",
				"Ежемесячный платёж: 8\u00a0333,33\u00a0₽, 12 платежей.", "Последний платёж: 8\u00a0333,37\u00a0₽.",
				"Всего: 100\u00a0000,00\u00a0₽.", "Такой план укладывается в условия агентства.");
		Schedule expected = calculator.schedule(Money.ofRoubles("100000.00"), new Terms.ByMonths(12), first);
		expected.instalments().forEach(i -> assertThat(page).contains("<td>" + DAY.format(i.due()) + "</td>"));
		assertThat(page).doesNotContain("выходит за условия");
		assertThat(mvc.page(calculator(agency, debt, "months", "12", null, first.toString()) + "&lang=en",
				signedIn(agency, debtor))).contains("Pay in parts", "Monthly payment: 8\u00a0333,33\u00a0₽, 12 payments.",
						"Last payment: 8\u00a0333,37\u00a0₽.", "Such a plan is within the agency terms.");
	}

	@Test
	void byAMonthlySumThePageCountsThePaymentsAndTheLastIsWhatIsLeft() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor, "100000.00");
		LocalDate first = quotes.today(debt).plusDays(3);
		String page = mvc.page(calculator(agency, debt, "monthly", "12", "30 000", first.toString()),
				signedIn(agency, debtor));

		assertThat(page).contains("Ежемесячный платёж: 30\u00a0000,00\u00a0₽, 4 платежа.",
				"Последний платёж: 10\u00a0000,00\u00a0₽.", "Всего: 100\u00a0000,00\u00a0₽.", "value=\"30 000\"",
				"Такой план укладывается в условия агентства.");
	}

	@Test
	void outsideThePolicyThePageNamesEachBrokenRuleAndSaysTheAgencyWillConsiderIt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor, "100000.00");
		LocalDate late = quotes.today(debt).plusDays(45);
		String page = mvc.page(calculator(agency, debt, "monthly", null, "500", late.toString()), signedIn(agency, debtor));

		// 200 payments are more than any plan has: said by the field, no schedule.
		assertThat(page).contains("С таким платежом выйдет больше 120 платежей").doesNotContain("Ежемесячный платёж:");
		page = mvc.page(calculator(agency, debt, "months", "36", null, late.toString()), signedIn(agency, debtor));
		assertThat(page).contains("Такой план выходит за условия агентства:",
				"Срок — от 2 до 24 месяцев.", "Первый платёж — не позже чем через 30 дней.",
				"Такой план агентство рассмотрит отдельно.").doesNotContain("укладывается в условия");
		page = mvc.page(calculator(agency, debt, "monthly", null, "900", quotes.today(debt).toString()),
				signedIn(agency, debtor));
		assertThat(page).contains("Ежемесячный платёж — не меньше 1\u00a0000,00\u00a0₽.");
	}

	@Test
	void everyWrongInputIsAnsweredOnThePageByItsField() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor, "5000.00");
		MockHttpSession session = signedIn(agency, debtor);
		String today = quotes.today(debt).toString();
		String[][] wrong = {
				{ "months", "двенадцать", null, today, "Срок плана — от 1 до 120 месяцев." },
				{ "months", "0", null, today, "Срок плана — от 1 до 120 месяцев." },
				{ "months", "-3", null, today, "Срок плана — от 1 до 120 месяцев." },
				{ "months", "100000000000000000000", null, today, "Срок плана — от 1 до 120 месяцев." },
				{ "months", "", null, today, "Срок плана — от 1 до 120 месяцев." },
				{ "months", "120", null, today, "Ежемесячный платёж — не меньше" },
				{ "monthly", null, "1e9", today, "Сумма не распознана" },
				{ "monthly", null, "-100", today, "Сумма не может быть отрицательной." },
				{ "monthly", null, "0", today, "Укажите ежемесячный платёж больше нуля." },
				{ "monthly", null, "100000000000000000000", today, "id=\"plan-monthly-error\"" },
				{ "monthly", null, null, today, "Укажите ежемесячный платёж больше нуля." },
				{ "monthly", null, "0,01", today, "С таким платежом выйдет больше 120 платежей" },
				{ "months", "6", null, "1900-01-01", "Укажите дату первого платежа" },
				{ "months", "6", null, "9999-12-31", "Укажите дату первого платежа" },
				{ "months", "6", null, "31.02.2027", "Укажите дату первого платежа" },
				{ "months", "6", null, "", "Укажите дату первого платежа" },
				{ "nonsense", "6", null, today, "Ежемесячный платёж: 833,33" } };
		for (String[] input : wrong) {
			String page = mvc.page(calculator(agency, debt, input[0], input[1], input[2], input[3]), session);
			assertThat(page).as(String.join(" | ", java.util.Arrays.stream(input).map(String::valueOf).toList()))
				.contains(input[4]);
		}
		// A missing date is the suggested one; a missing term the policy's shortest.
		String path = "/cabinet/" + agency.tenant().id() + "/debts/" + debt.id() + "?by=months";
		assertThat(mvc.page(path, session)).contains("Ежемесячный платёж: 2\u00a0500,00\u00a0₽, 2 платежа.");
	}

	@Test
	void aDebtThatDoesNotQualifyHasNoCalculatorAndAnotherAgencysDebtIsNotFound() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt small = debt(agency, debtor, "2999.99");
		MockHttpSession session = signedIn(agency, debtor);
		assertThat(mvc.page("/cabinet/" + agency.tenant().id() + "/debts/" + small.id(), session))
			.doesNotContain("Погасить частями");
		Debt disputed = debt(agency, debtor, "50000.00");
		debts.dispute(agency.tenant().id(), disputed.id());
		assertThat(mvc.page(calculator(agency, disputed, "months", "6", null, null), session))
			.doesNotContain("Погасить частями", "Ежемесячный платёж:");
		policies.save(agency.tenant().id(), Optional.empty(), new PlanPolicy(false, 2, 24, Money.ofRoubles("1000"), 30,
				5, 15, 1, false, Money.ofRoubles("3000"), 0));
		assertThat(mvc.page("/cabinet/" + agency.tenant().id() + "/debts/" + debt(agency, debtor, "9000.00").id(),
				session)).doesNotContain("Погасить частями");

		Provisioned another = fixtures.tenant(TenantKind.COLLECTOR);
		Contact stranger = fixtures.contact(another);
		Debt anothers = debt(another, stranger, "50000.00");
		assertThat(mvc.status(get(calculator(agency, anothers, "months", "6", null, null)).session(session)))
			.isEqualTo(404);
	}

	@Test
	void aPageViewWithTheCalculatorStoresNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor, "100000.00");
		long before = rows(agency);
		mvc.page(calculator(agency, debt, "months", "6", null, null), signedIn(agency, debtor));
		assertThat(rows(agency)).isEqualTo(before);
	}

	@Test
	void todayIsTheDebtorsInHisOwnTimeZone() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt far = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "ТЗ-1", LocalDate.of(2021, 4, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 200,
				"Приморский край", ZoneId.of("Asia/Vladivostok"));
		assertThat(quotes.today(far)).isEqualTo(LocalDate.now(ZoneId.of("Asia/Vladivostok")));
		// The form offers a first day counted from his today, and refuses a day before it.
		String page = mvc.page("/cabinet/" + agency.tenant().id() + "/debts/" + far.id(), signedIn(agency, debtor));
		assertThat(page).contains("min=\"" + LocalDate.now(ZoneId.of("Asia/Vladivostok")) + "\"");
	}

	private long rows(Provisioned agency) {
		return jdbc.sql("""
				select (select count(*) from audit_events where tenant_id = ?) + (select count(*) from plan_policies
				    where tenant_id = ?) + (select count(*) from payments where tenant_id = ?)""")
			.params(agency.tenant().id().value(), agency.tenant().id().value(), agency.tenant().id().value())
			.query(Long.class).single();
	}

	private static String calculator(Provisioned agency, Debt debt, String by, String months, String monthly,
			String first) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cabinet/{a}/debts/{d}").queryParam("by", by);
		if (months != null) {
			uri.queryParam("months", months);
		}
		if (monthly != null) {
			uri.queryParam("monthly", monthly);
		}
		if (first != null) {
			uri.queryParam("first", first);
		}
		return uri.buildAndExpand(agency.tenant().id().value(), debt.id().value()).toUriString();
	}

	private MockHttpSession signedIn(Provisioned agency, Contact debtor) {
		return mvc.signedIn(agency.tenant().id(), debtor.id());
	}

	private Debt debt(Provisioned agency, Contact debtor, String principal) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "П-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 4, 1), LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles(principal), Money.ZERO), 200);
	}
}
