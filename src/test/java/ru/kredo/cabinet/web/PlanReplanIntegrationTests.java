package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanInstalment;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Re-planning what is left in the cabinet takes a term or a monthly sum, as the calculator does (plandays, issue 13):
 * the form offers both; a wrong sum is refused by its field's message, a schedule outside the agency's policy with the
 * very rules it breaks, above the form, in Russian and in English, the form keeping what he typed; a sum within the
 * policy re-plans the rest.
 */
@IntegrationTest
class PlanReplanIntegrationTests {

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	TextedCodes texts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	TenantId tenant;
	Debt debt;
	String page;
	MockHttpSession session;

	@BeforeEach
	void aDebtorWithASignedPlanOfThreeMonths() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		String phone = "+7917" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant, new FullName("Зуева", "Ольга", "Ивановна"), LocalDate.of(1980, 4, 4), null,
				null, null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПР-" + phone.substring(6), LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		page = "/cabinet/" + tenant.value() + "/debts/" + debt.id();
		session = cabinet.signedIn(tenant, debtor.id());
		assertThat(cabinet.redirect(post(page + "/plan/request").param("reason", "LOST_INCOME").param("by", "months")
			.param("months", "3").param("first", quotes.today(debt).plusDays(5).toString()), session))
			.isEqualTo(page + "/plan/sign");
		cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session);
		assertThat(plans.current(tenant, debt.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
	}

	@Test
	void theRepairFormOffersATermOrAMonthlySumAndReplansByTheSum() throws Exception {
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		String shown = cabinet.page(page, session);
		assertThat(shown).contains("id=\"plan-replan-by-months\"", "id=\"plan-replan-by-monthly\"",
				"id=\"plan-replan-monthly\"", "data-plan-mode=\"plan-replan-by-monthly\"", "Пересчитать остаток");

		String first = quotes.today(debt).plusDays(3).toString();
		assertThat(replan("monthly", "ноль", first)).isEqualTo(page + "#plan-card");
		assertThat(cabinet.page(page, session)).as("the sum's own refusal, the form keeping what he typed")
			.contains("plan-repair-error", "value=\"ноль\"");
		assertThat(plans.get(tenant, plan.id()).repairsUsed()).isZero();

		// 500 a month is under the agency's least instalment (1 000 ₽): refused with that very rule.
		assertThat(replan("monthly", "500", first)).isEqualTo(page + "#plan-card");
		assertThat(cabinet.page(page, session)).contains(
				"Новый график остатка выходит за условия агентства", "Ежемесячный платёж — не меньше 1\u00a0000,00\u00a0₽.",
				"value=\"500\"");
		replan("monthly", "500", first, "en");
		assertThat(cabinet.page(page + "?lang=en", session)).contains("outside the agency",
				"The monthly payment is at least 1\u00a0000,00\u00a0₽.");
		assertThat(plans.get(tenant, plan.id()).repairsUsed()).isZero();

		assertThat(replan("monthly", "5 000", first)).isEqualTo(page + "#plan-card");
		Plan replanned = plans.get(tenant, plan.id());
		assertThat(replanned.repairsUsed()).isEqualTo(1);
		assertThat(replanned.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(replanned.instalments()).hasSize(6).extracting(PlanInstalment::amount)
			.containsOnly(Money.ofRoubles("5000"));
		assertThat(replanned.instalments().getFirst().due()).isAfterOrEqualTo(LocalDate.parse(first));
		assertThat(cabinet.page(page, session)).contains("План исправлен.");
	}

	private String replan(String by, String amount, String first) throws Exception {
		return replan(by, amount, first, "ru");
	}

	private String replan(String by, String amount, String first, String lang) throws Exception {
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		return cabinet.redirect(post(page + "/plan/" + plan.id() + "/replan").param("by", by).param("monthly", amount)
			.param("months", "").param("first", first).param("lang", lang), session);
	}
}
