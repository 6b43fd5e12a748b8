package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's side of a restructuring plan in the cabinet (issue 13), each step a form and a redirect: a request
 * within the agency's policy approved at once and signed with a texted code (the text he read kept with the plan);
 * one outside it pending; bad input by its field; other terms proposed, accepted or declined; the agency's refusal
 * with its reason; a plan behind, with what is overdue and by when, repaired by moving a date; a paused plan; another
 * debtor's plan a 404 and a plan not awaiting signature not signed.
 */
@IntegrationTest
class PlanFlowIntegrationTests {

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
	Plans plans;

	@Autowired
	PlanQuotes quotes;

	@Autowired
	Disputes disputes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.collections.AgencyRequisites requisites;

	Provisioned agency;
	TenantId tenant;
	Contact debtor;
	Debt debt;
	String page;
	MockHttpSession session;

	@BeforeEach
	void aDebtorWhoseDebtQualifies() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		debtor = contacts.add(tenant, new FullName("Зуева", "Ольга", "Ивановна"), LocalDate.of(1980, 4, 4), null, null,
				null, PhoneNumber.parse(phone), null);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПЛ-" + phone.substring(6), LocalDate.of(2020, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
		page = "/cabinet/" + tenant.value() + "/debts/" + debt.id();
		session = cabinet.signedIn(tenant, debtor.id());
	}

	@Test
	void withinThePolicyTheRequestIsApprovedAtOnceAndSignedWithATextedCode() throws Exception {
		LocalDate first = quotes.today(debt).plusDays(5);
		String calculated = cabinet.page(page + "?by=months&months=3&first=" + first, session);
		assertThat(calculated).contains("Оформить план", "Потерял доход или его часть",
				"Доход и расходы в месяц указывать не обязательно");

		assertThat(cabinet.redirect(request("3", first).param("income", "40 000").param("expenses", ""), session))
			.isEqualTo(page + "/plan/sign");
		String signing = cabinet.page(page + "/plan/sign", session);
		assertThat(signing).contains("План укладывается в условия агентства и одобрен",
				"Соглашение о погашении долга по графику", "в сумме 30\u00a0000,00\u00a0₽ погашается целиком, 3 платежами",
				"Платёж № 1: 10\u00a0000,00\u00a0₽ до", "простой электронной подписью");
		Plan awaiting = plans.current(tenant, debt.id()).orElseThrow();
		assertThat(awaiting.status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		assertThat(awaiting.income()).isEqualTo(Money.ofRoubles("40000.00"));
		assertThat(awaiting.expenses()).isNull();

		assertThat(cabinet.redirect(post(page + "/plan/confirm").param("code", "000000"), session))
			.as("a wrong code keeps him on the step").isEqualTo(page + "/plan/sign");
		assertThat(cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session))
			.isEqualTo(page + "#plan-card");
		Plan signed = plans.current(tenant, debt.id()).orElseThrow();
		assertThat(signed.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(debts.get(tenant, debt.id()).status()).isEqualTo(DebtStatus.UNDER_PLAN);
		String kept = jdbc.sql("select signed_terms from plans where id = ?").param(signed.id()).query(String.class).single();
		assertThat(kept).startsWith("Соглашение о погашении долга по графику\n").contains("Платёж № 3: 10\u00a0000,00\u00a0₽ до");

		String shown = cabinet.page(page, session);
		assertThat(shown).contains("План действует.", "Следующий платёж № 1: 10\u00a0000,00\u00a0₽ до",
				"Оплатить платёж", "value=\"10000,00\"", "к оплате").doesNotContain("Оформить план");
		assertThat(cabinet.redirect(post(page + "/plan/" + signed.id() + "/sign"), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).as("an active plan is not signed again").contains("Этот план не ждёт подписи.");
	}

	@Test
	void outsideThePolicyTheRequestWaitsForTheAgencyWhichMayProposeOtherTermsOrDecline() throws Exception {
		LocalDate first = quotes.today(debt).plusDays(5);
		assertThat(cabinet.redirect(request("30", first), session)).isEqualTo(page + "#plan-card");
		String pending = cabinet.page(page, session);
		assertThat(pending).contains("Запрос отправлен в агентство, ответ придёт сюда и в чат",
				"Запрос на рассмотрении в агентстве.").doesNotContain("id=\"plan-form\"");
		Plan requested = plans.current(tenant, debt.id()).orElseThrow();
		assertThat(requested.status()).isEqualTo(PlanStatus.REQUESTED);
		assertThat(cabinet.redirect(post(page + "/plan/" + requested.id() + "/sign"), session)).isEqualTo(page);
		assertThat(cabinet.page(page, session)).as("a plan not awaiting his signature is not signed")
			.contains("Этот план не ждёт подписи.");

		AuditActor operator = new AuditActor("user:" + agency.admin().id(), "Админ");
		plans.propose(tenant, requested.id(), new Terms.ByMonths(6), first, operator);
		String proposed = cabinet.page(page, session);
		assertThat(proposed).contains("Агентство предлагает погасить долг по этому графику", "Принять", "Отказаться",
				"Обсудить в чате с агентством", "5\u00a0000,00\u00a0₽");
		assertThat(cabinet.redirect(post(page + "/plan/" + requested.id() + "/accept-proposal"), session))
			.isEqualTo(page + "/plan/sign");
		assertThat(cabinet.page(page + "/plan/sign", session)).contains("Вы приняли условия агентства", "6 платежами");
		assertThat(plans.get(tenant, requested.id()).status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);

		// Another request, declined by the agency with a reason he reads.
		Debt second = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПЛ2-" + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.of(2020, 3, 3), null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles("30000.00"), Money.ZERO), 400);
		String secondPage = "/cabinet/" + tenant.value() + "/debts/" + second.id();
		cabinet.redirect(post(secondPage + "/plan/request").param("reason", "OTHER").param("by", "months")
			.param("months", "30").param("first", first.toString()), session);
		Plan other = plans.current(tenant, second.id()).orElseThrow();
		plans.decline(tenant, other.id(), "Срок слишком долгий для такой суммы", operator);
		assertThat(cabinet.page(secondPage, session)).contains("План не согласован.", "Агентство ответило:",
				"Срок слишком долгий для такой суммы", "Погасить частями");

		// The declined proposal: owed as before.
		Debt third = debts.add(tenant, debtor.id(), "ПАО «Банк»", "ПЛ3-" + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.of(2020, 3, 3), null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles("30000.00"), Money.ZERO), 400);
		String thirdPage = "/cabinet/" + tenant.value() + "/debts/" + third.id();
		cabinet.redirect(post(thirdPage + "/plan/request").param("reason", "ILLNESS").param("by", "months")
			.param("months", "30").param("first", first.toString()), session);
		cabinet.page(thirdPage, session); // the redirect followed, as a browser does: its notice is shown once
		Plan third1 = plans.current(tenant, third.id()).orElseThrow();
		plans.propose(tenant, third1.id(), new Terms.ByMonths(6), first, operator);
		assertThat(cabinet.redirect(post(thirdPage + "/plan/" + third1.id() + "/decline-proposal"), session))
			.isEqualTo(thirdPage);
		assertThat(plans.get(tenant, third1.id()).status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(cabinet.page(thirdPage, session)).contains("План не согласован.");

		// A request he withdraws while the agency considers it: declined, and he may ask for another at once.
		cabinet.redirect(post(thirdPage + "/plan/request").param("reason", "ILLNESS").param("by", "months")
			.param("months", "30").param("first", first.toString()), session);
		Plan waiting = plans.current(tenant, third.id()).orElseThrow();
		assertThat(cabinet.page(thirdPage, session)).contains("Отозвать запрос");
		assertThat(cabinet.redirect(post(thirdPage + "/plan/" + waiting.id() + "/withdraw"), session)).isEqualTo(thirdPage);
		assertThat(plans.get(tenant, waiting.id()).status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(cabinet.page(thirdPage, session)).contains("Запрос отозван.", "Погасить частями")
			.doesNotContain("Отозвать запрос");
		assertThat(cabinet.redirect(post(thirdPage + "/plan/request").param("reason", "ILLNESS").param("by", "months")
			.param("months", "30").param("first", first.toString()), session)).isEqualTo(thirdPage + "#plan-card");
		assertThat(plans.current(tenant, third.id()).orElseThrow().status()).isEqualTo(PlanStatus.REQUESTED);
		// Once signed, there is nothing to withdraw: the agency ends a running plan.
		assertThat(cabinet.redirect(post(page + "/plan/" + requested.id() + "/withdraw"), session)).isEqualTo(page);
	}

	@Test
	void badInputComesBackByItsFieldWithWhatHeTyped() throws Exception {
		LocalDate first = quotes.today(debt).plusDays(5);
		String back = cabinet.redirect(post(page + "/plan/request").param("by", "months").param("months", "3")
			.param("first", first.toString()).param("income", "сорок тысяч"), session);
		assertThat(back).startsWith(page + "?by=months&months=3").endsWith("#plan-request");
		String shown = cabinet.page(back.substring(0, back.indexOf('#')), session);
		assertThat(shown).contains("Укажите причину, по которой вы просите план.", "value=\"сорок тысяч\"",
				"id=\"plan-income-error\"");
		assertThat(plans.current(tenant, debt.id())).isEmpty();

		String months = cabinet.redirect(post(page + "/plan/request").param("reason", "ILLNESS").param("by", "months")
			.param("months", "много").param("first", first.toString()), session);
		assertThat(cabinet.page(months.substring(0, months.indexOf('#')), session)).contains("Срок плана — от 1 до");
		assertThat(plans.current(tenant, debt.id())).isEmpty();
	}

	@Test
	void aPlanBehindSaysWhatIsOverdueAndByWhenAndIsRepairedByMovingTheDate() throws Exception {
		Plan plan = signed("3");
		LocalDate today = quotes.today(debt);
		jdbc.sql("update plan_instalments set due_on = ? where plan_id = ? and number = 1")
			.params(java.sql.Date.valueOf(today.minusDays(7)), plan.id()).update();
		assertThat(plans.check(tenant, plan.id(), today)).isTrue();
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.BEHIND);

		String behind = cabinet.page(page, session);
		assertThat(behind).contains("Просрочено: 10\u00a0000,00\u00a0₽. Внесите эту сумму до", "иначе план будет расторгнут",
				"просрочен", "Перенести платёж", "Пересчитать остаток");
		assertThat(cabinet.redirect(post(page + "/plan/" + plan.id() + "/move").param("to", "вчера"), session))
			.isEqualTo(page + "#plan-card");
		assertThat(cabinet.page(page, session)).contains("Укажите новую дату платежа.");
		assertThat(cabinet.redirect(post(page + "/plan/" + plan.id() + "/move")
			.param("to", today.plusDays(3).toString()), session)).isEqualTo(page + "#plan-card");
		assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(cabinet.page(page, session)).contains("План исправлен.", "План действует.")
			.doesNotContain("Перенести платёж");
	}

	@Test
	void whatIsLeftIsReplannedOnceAndABrokenPlanSaysWhyAndThatTheDebtIsOwedAsBefore() throws Exception {
		Plan plan = signed("3");
		LocalDate today = quotes.today(debt);
		assertThat(cabinet.redirect(post(page + "/plan/" + plan.id() + "/replan").param("by", "months")
			.param("months", "ноль").param("first", today.plusDays(3).toString()), session)).isEqualTo(page + "#plan-card");
		assertThat(cabinet.page(page, session)).contains("Срок плана — от 1 до");
		assertThat(cabinet.redirect(post(page + "/plan/" + plan.id() + "/replan").param("by", "months")
			.param("months", "6").param("first", today.plusDays(3).toString()), session)).isEqualTo(page + "#plan-card");
		Plan replanned = plans.get(tenant, plan.id());
		assertThat(replanned.instalments()).hasSize(6);
		assertThat(replanned.repairsUsed()).isEqualTo(1);
		assertThat(cabinet.page(page + "?lang=en", session)).contains("The plan is repaired.", "The plan is running.",
				"Next payment No. 1: 5\u00a0000,00\u00a0₽", "Pay the instalment").doesNotContain("Move the payment");

		plans.end(tenant, plan.id(), "Вы просили прекратить план", new AuditActor("user:" + agency.admin().id(), "Админ"));
		assertThat(cabinet.page(page + "?lang=ru", session)).contains("План расторгнут агентством.",
				"Вы просили прекратить план", "Долг снова подлежит оплате как раньше", "Погасить частями", "не оплачен")
			.doesNotContain("Оплатить платёж", ">к оплате<", ">просрочен<");
	}

	@Test
	void aDisputedDebtsPlanIsShownAsPaused() throws Exception {
		Plan plan = signed("3");
		disputes.open(tenant, debtor.id(), debt.id(), DisputeReason.WRONG_SUM, "Сумма неверна");
		assertThat(plans.get(tenant, plan.id()).isPaused()).isTrue();
		assertThat(cabinet.page(page, session)).contains("План приостановлен, пока агентство рассматривает спор")
			.doesNotContain("Перенести платёж");
	}

	@Test
	void anotherDebtorsPlanIsNotFound() throws Exception {
		Plan plan = signed("3");
		Contact stranger = fixtures.contact(agency);
		MockHttpSession his = cabinet.signedIn(tenant, stranger.id());
		assertThat(cabinet.status(post(page + "/plan/" + plan.id() + "/move").param("to", "2030-01-01").session(his)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())))
			.isEqualTo(404);
		assertThat(cabinet.status(get(page + "/plan/sign").session(his))).isEqualTo(404);
		// His own debt, another debt's plan id: not found either.
		Debt own = debts.add(tenant, stranger.id(), "ПАО «Банк»", "ЧУЖ-" + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.of(2020, 3, 3), null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO,
						Money.ofRoubles("30000.00"), Money.ZERO), 400);
		assertThat(cabinet.status(post("/cabinet/" + tenant.value() + "/debts/" + own.id() + "/plan/" + plan.id() + "/move")
			.param("to", "2030-01-01").session(his)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())))
			.isEqualTo(404);
		assertThat(plans.get(tenant, plan.id()).repairsUsed()).isZero();
	}

	@Test
	void theSignedPlansAgreementAndScheduleAreHisPdfsInDocumentsAndOnTheDebtsPage() throws Exception {
		requisites.save(tenant, new ru.kredo.documents.Agency("ООО ПКО «План»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		Plan plan = signed("3");
		String agreement = page + "/plan/agreement.pdf";
		String schedule = page + "/plan/schedule.pdf";
		assertThat(cabinet.page("/cabinet/" + tenant.value() + "/documents", session)).contains(
				"href=\"" + agreement + "\"", "href=\"" + schedule + "\"", "Соглашение о плане погашения (копия)");
		assertThat(cabinet.page(page, session)).contains("href=\"" + agreement + "\"", "href=\"" + schedule + "\"");

		MockHttpServletResponse response = mvc.perform(get(agreement).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		String text = text(response.getContentAsByteArray());
		assertThat(text).contains("о погашении долга по графику (копия)", "ООО ПКО «План»", "Зуева Ольга Ивановна",
				"погашается целиком, 3 платежами", plan.signature().toString()).doesNotContain("Прощается", "Прощено");
		MockHttpServletResponse grid = mvc.perform(get(schedule).session(session)).andReturn().getResponse();
		assertThat(grid.getStatus()).isEqualTo(200);
		assertThat(text(grid.getContentAsByteArray())).contains("10 000,00");

		Contact stranger = fixtures.contact(agency);
		MockHttpSession his = cabinet.signedIn(tenant, stranger.id());
		assertThat(cabinet.status(get(agreement).session(his))).isEqualTo(404);
		assertThat(cabinet.status(get(schedule).session(his))).isEqualTo(404);
		assertThat(cabinet.status(get(agreement))).isEqualTo(404);
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ');
		}
	}

	private Plan signed(String months) throws Exception {
		LocalDate first = quotes.today(debt).plusDays(5);
		assertThat(cabinet.redirect(request(months, first), session)).isEqualTo(page + "/plan/sign");
		cabinet.redirect(post(page + "/plan/confirm").param("code", texts.latest(tenant, 1)), session);
		assertThat(cabinet.page(page, session)).contains("План подписан.");
		Plan plan = plans.current(tenant, debt.id()).orElseThrow();
		assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		return plan;
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String months,
			LocalDate first) {
		return post(page + "/plan/request").param("reason", "LOST_INCOME").param("by", "months").param("months", months)
			.param("first", first.toString());
	}
}
