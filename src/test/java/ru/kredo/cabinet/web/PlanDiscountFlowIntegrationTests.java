package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditActor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtStatus;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A plan combined with a discount in the cabinet (docs/plans.md, «A plan with a discount»): the choice on the debt's
 * page where the policy allows it and an offer is live, the schedule of the discounted sum, the terms he signs saying
 * the condition, the plan's card and its agreement's PDF; where the policy does not allow it, no choice, and a forged
 * request is refused with a clear message.
 */
@IntegrationTest
class PlanDiscountFlowIntegrationTests {

	private static final PlanPolicy WITH_DISCOUNT = new PlanPolicy(true, 2, 24, Money.ofRoubles("1000"), 30, 5, 15, 1,
			true, Money.ofRoubles("3000"), 0);

	@Autowired
	MockMvc mvc;

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
	Offers offers;

	@Autowired
	Plans plans;

	@Autowired
	PlanPolicies policies;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	ru.kredo.collections.AgencyRequisites requisites;

	Provisioned agency;
	TenantId tenant;
	Debt debt;
	String page;
	MockHttpSession session;

	@BeforeEach
	void aDebtorWithADiscountOffer() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		requisites.save(tenant, new ru.kredo.documents.Agency("ООО ПКО «План»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant, new FullName("Зуева", "Ольга", "Ивановна"), LocalDate.of(1980, 4, 4), null,
				null, null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПС-" + phone.substring(6), LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		page = "/cabinet/" + tenant.value() + "/debts/" + debt.id();
		session = cabinet.signedIn(tenant, debtor.id());
	}

	@Test
	void heChoosesTheDiscountedSumSignsItsConditionAndHisPlanAndAgreementSayIt() throws Exception {
		policies.save(tenant, Optional.empty(), WITH_DISCOUNT);
		LocalDate first = quotes.today(debt).plusDays(5);
		assertThat(cabinet.page(page, session)).contains("Сумма плана", "весь долг: 30\u00a0000,00\u00a0₽",
				"с учётом скидки: 27\u00a0000,00\u00a0₽ (скидка 3\u00a0000,00\u00a0₽)");
		String calculated = cabinet.page(page + "?by=months&months=3&discount=1&first=" + first, session);
		assertThat(calculated).contains("Всего: 27\u00a0000,00\u00a0₽.",
				"После последнего платежа остаток 3\u00a0000,00\u00a0₽ будет прощён",
				"name=\"discount\" value=\"1\"");

		assertThat(cabinet.redirect(request("3", first).param("discount", "1"), session)).isEqualTo(page + "/plan/sign");
		String signing = cabinet.page(page + "/plan/sign", session);
		assertThat(signing).contains("в сумме 30\u00a0000,00\u00a0₽ должник вносит 27\u00a0000,00\u00a0₽ 3 платежами",
				"Условие скидки: когда все платежи по графику внесены, остаток 3\u00a0000,00\u00a0₽ прощается",
				"скидка теряется");
		cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session);
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(plan.total()).isEqualTo(Money.ofRoubles("27000.00"));
		assertThat(jdbc.sql("select signed_terms from plans where id = ?").param(plan.id()).query(String.class).single())
			.contains("Условие скидки");

		String shown = cabinet.page(page, session);
		assertThat(shown).contains("План со скидкой: после последнего платежа остаток 3\u00a0000,00\u00a0₽ будет прощён.")
			.as("the offer the plan took is the plan's, not a settlement card of its own")
			.doesNotContain("Принять предложение", "Соглашение подписано");
		MockHttpServletResponse response = mvc.perform(get(page + "/plan/agreement.pdf").session(session)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String text;
		try (var document = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ')
				.replaceAll("\\s+", " ");
		}
		assertThat(text).contains("о погашении долга по графику (копия)", "30 000,00", "27 000,00",
				"Остаток 3 000,00 руб. прощается", "скидка теряется");

		// The agency's page of the plan says it too.
		String staff = mvc.perform(get("/plans/{id}", plan.id()).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
						fixtures.admin(agency)))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(staff).contains("Со скидкой", "id=\"plan-discount\"").containsPattern(
				"План на 27.000,00.₽ вместо 30.000,00.₽: после последнего платежа остаток 3.000,00.₽ прощается");

		plans.end(tenant, plan.id(), "Договорились иначе", new AuditActor("user:test", "Тест"));
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.OPEN);
		assertThat(cabinet.page(page, session)).contains("Скидка по плану потеряна",
				"нужно заплатить весь долг за вычетом внесённого — 30\u00a0000,00\u00a0₽");
	}

	@Test
	void withoutTheDiscountInThePolicyThereIsNoChoiceAndAForgedRequestIsRefusedPlainly() throws Exception {
		LocalDate first = quotes.today(debt).plusDays(5);
		assertThat(cabinet.page(page + "?by=months&months=3&discount=1&first=" + first, session))
			.contains("Всего: 30\u00a0000,00\u00a0₽.").doesNotContain("Сумма плана", "будет прощён");

		assertThat(cabinet.redirect(request("3", first).param("discount", "1"), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).contains(
				"Условия агентства не позволяют сочетать план со скидкой: план возможен только на всю сумму долга.");
		assertThat(plans.current(tenant, debt.id())).isEmpty();

		// As before, the plan of the whole balance.
		assertThat(cabinet.redirect(request("3", first), session)).isEqualTo(page + "/plan/sign");
		assertThat(plans.current(tenant, debt.id()).orElseThrow().total()).isEqualTo(Money.ofRoubles("30000.00"));
	}

	@Test
	void completedTheDebtIsSettledAndHisDocumentsAreThePlansNotASettlementsOfItsOwn() throws Exception {
		policies.save(tenant, Optional.empty(), WITH_DISCOUNT);
		LocalDate first = quotes.today(debt).plusDays(5);
		assertThat(cabinet.redirect(request("2", first).param("discount", "1"), session)).isEqualTo(page + "/plan/sign");
		cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session);
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		transaction.executeWithoutResult(status -> events.publishEvent(new ru.kredo.payments.PaymentSucceeded(tenant,
				new ru.kredo.payments.PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles("27000.00"),
				first.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant())));
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
		assertThat(debts.get(tenant, debt.id()).closedAs()).isEqualTo(ru.kredo.collections.ClosedAs.SETTLED);

		assertThat(cabinet.page(page, session)).contains("Остаток 3 000,00 ₽ прощён по условиям плана.")
			.doesNotContain("Предложение исполнено", "/offer/agreement.pdf");
		assertThat(cabinet.page("/cabinet/" + tenant.value() + "/documents", session))
			.contains(page + "/plan/agreement.pdf", page + "/certificate.pdf").doesNotContain("/offer/agreement.pdf",
					"/offer/schedule.pdf");
		// The agency's card of the debtor: no settlement card of its own, and no settlement agreement to print.
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(fixtures.admin(agency));
		assertThat(mvc.perform(get("/debtors/{id}", debts.get(tenant, debt.id()).contactId().value()).with(admin))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("/debtors/debts/" + debt.id() + "/agreement.pdf");
		assertThat(mvc.perform(get("/debtors/debts/{id}/agreement.pdf", debt.id().value()).with(admin)).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String months,
			LocalDate first) {
		return post(page + "/plan/request").param("reason", "LOST_INCOME").param("by", "months").param("months", months)
			.param("first", first.toString());
	}
}
