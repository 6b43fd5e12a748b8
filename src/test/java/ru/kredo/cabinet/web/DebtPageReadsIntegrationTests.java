package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.StatementCounter;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantKind;

/**
 * What a debt's page costs the database once the session knows the debtor (his name, the views of this visit and his
 * consent already kept): its reads in one read-only transaction, and the plan policy the debt is under read once,
 * though both the plan's card and the calculator need it (docs/bench/cabinet-main-page.md).
 */
@IntegrationTest
class DebtPageReadsIntegrationTests {

	/** The one statement that reads plan policies (PlanPolicies), and the one that finds a debt's portfolio (Debts). */
	private static final String POLICY = "from plan_policies";
	private static final String PORTFOLIO = "select portfolio_id from debts";

	@Autowired
	CabinetMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	@Test
	void aDebtWithAnEndedPlanAndTheCalculatorIsOneTransactionThatReadsThePolicyOnce() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor);
		// A plan he asked for and withdrew: the page shows how it ended (its card) and the calculator again.
		Plan plan = plans.request(agency.tenant().id(), debtor.id(), debt.id(), PlanReason.ILLNESS, null, null,
				new Terms.ByMonths(6), quotes.today(debt).plusDays(7), Plans.debtor(debtor.id()));
		plans.withdraw(agency.tenant().id(), debtor.id(), plan.id());
		MockHttpSession session = mvc.signedIn(agency.tenant().id(), debtor.id());
		String path = "/cabinet/" + agency.tenant().id().value() + "/debts/" + debt.id().value();
		mvc.page(path, session);

		StatementCounter.Counted<String> page = StatementCounter.count(() -> mvc.page(path, session));

		assertThat(page.result()).contains("id=\"plan-card\"", "id=\"plan-title\"");
		assertThat(page.transactions()).as("transactions of %s", page.sql()).isEqualTo(1);
		assertThat(page.statementsWith(PORTFOLIO)).as("reads of the debt's portfolio in %s", page.sql()).isEqualTo(1);
		assertThat(page.statementsWith(POLICY)).as("reads of the plan policy in %s", page.sql()).isEqualTo(1);
	}

	@Test
	void aDebtWithNoPlanIsOneTransaction() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		Debt debt = debt(agency, debtor);
		MockHttpSession session = mvc.signedIn(agency.tenant().id(), debtor.id());
		String path = "/cabinet/" + agency.tenant().id().value() + "/debts/" + debt.id().value();
		mvc.page(path, session);

		StatementCounter.Counted<String> page = StatementCounter.count(() -> mvc.page(path, session));

		assertThat(page.result()).contains("id=\"plan-title\"").doesNotContain("id=\"plan-card\"");
		assertThat(page.transactions()).as("transactions of %s", page.sql()).isEqualTo(1);
		assertThat(page.statementsWith(POLICY)).as("reads of the plan policy in %s", page.sql()).isEqualTo(1);
	}

	private Debt debt(Provisioned agency, Contact debtor) {
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "П-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 4, 1), LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles("100000.00"), Money.ZERO), 200);
	}
}
