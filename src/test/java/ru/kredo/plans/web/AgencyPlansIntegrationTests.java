package ru.kredo.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import ru.kredo.TextedCodes;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Agency;
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
 * The agency's side of plans (issue 13): the inbox's requests with the rules each breaks, a request approved, other
 * terms calculated then proposed, declined with a reason; the plans list by status; a running plan paused, resumed and
 * ended with a reason; the debtor's card; and another agency's plan a 404 on every page and form.
 */
@IntegrationTest
class AgencyPlansIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Plans plans;

	@Autowired
	Contacts contacts;

	@Autowired
	CabinetSignIn codes;

	@Autowired
	TextedCodes texted;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.collections.Disputes disputes;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Test
	void aRequestOutsideThePolicyIsInTheInboxWithTheRulesItBreaksAndOtherTermsAreCalculatedThenProposed()
			throws Exception {
		Provisioned agency = agency();
		UserDetails operator = fixtures.admin(agency);
		Debt debt = debtOf(agency, "60000.00");
		Plan plan = request(agency, debt, 36);
		assertThat(plan.status()).isEqualTo(PlanStatus.REQUESTED);
		String name = contacts.name(agency.tenant().id(), debt.contactId()).display();

		String inbox = page("/inbox/plans", operator);
		assertThat(inbox).contains(name, debt.contractNumber(), "Потеря дохода", "36 платежей по", "id=\"plans-requested\"");

		String one = page("/plans/" + plan.id(), operator);
		assertThat(one).contains(name, "Срок — от 2 до 24 месяцев.", "45\u00a0000,00\u00a0₽", "id=\"calculate\"")
			.doesNotContain("id=\"send-proposal\"");

		String preview = page("/plans/" + plan.id() + "?by=months&months=6&first=" + firstDate(), operator);
		assertThat(preview).contains("6 платежей по 10\u00a0000,00\u00a0₽, всего 60\u00a0000,00\u00a0₽",
				"id=\"send-proposal\"", "id=\"proposal-schedule\"");
		assertThat(plans.get(agency.tenant().id(), plan.id()).status()).as("a preview changes nothing")
			.isEqualTo(PlanStatus.REQUESTED);

		assertThat(redirect(post("/plans/{id}/propose", plan.id()).param("by", "months").param("months", "6")
			.param("first", firstDate().toString()).with(user(operator)))).isEqualTo("/plans/" + plan.id());
		Plan proposed = plans.get(agency.tenant().id(), plan.id());
		assertThat(proposed.status()).isEqualTo(PlanStatus.PROPOSED);
		assertThat(proposed.instalments()).hasSize(6);
		assertThat(plans.transitions(agency.tenant().id(), plan.id())).last()
			.satisfies(t -> assertThat(t.actor()).startsWith("user:"));
		assertThat(page("/inbox/plans", operator)).doesNotContain(debt.contractNumber());
		assertThat(page("/plans?status=AWAITING", operator)).contains(debt.contractNumber());
		assertThat(page("/plans?status=REQUESTED", operator)).doesNotContain(debt.contractNumber());
		assertThat(page("/plans/of/" + debt.contactId().value(), operator)).contains(debt.contractNumber(),
				"Предложены другие условия");
	}

	@Test
	void aProposalWithWrongTermsComesBackWithTheFieldsMarkedAndAFirstDayInThePastIsRefused() throws Exception {
		Provisioned agency = agency();
		UserDetails operator = fixtures.admin(agency);
		Plan plan = request(agency, debtOf(agency, "60000.00"), 36);

		MvcResult wrong = mvc.perform(post("/plans/{id}/propose", plan.id()).param("by", "months").param("months", "0")
			.param("first", calendar.today().minusDays(1).toString()).with(user(operator)).with(csrf())).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		String body = wrong.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).containsPattern("id=\"propose-months\"[^>]*is-invalid");
		assertThat(plans.get(agency.tenant().id(), plan.id()).status()).isEqualTo(PlanStatus.REQUESTED);

		MvcResult past = mvc.perform(post("/plans/{id}/propose", plan.id()).param("by", "months").param("months", "6")
			.param("first", calendar.today().minusDays(1).toString()).with(user(operator)).with(csrf())).andReturn();
		assertThat(past.getResponse().getStatus()).isEqualTo(422);
		assertThat(past.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.containsPattern("id=\"propose-first\"[^>]*is-invalid")
			.contains("не раньше сегодняшнего дня");
		assertThat(plans.get(agency.tenant().id(), plan.id()).status()).isEqualTo(PlanStatus.REQUESTED);
	}

	@Test
	void aRequestIsDeclinedWithAReasonTheDebtorSeesOrApproved() throws Exception {
		Provisioned agency = agency();
		UserDetails operator = fixtures.admin(agency);
		Plan declined = request(agency, debtOf(agency, "60000.00"), 36);

		MvcResult blank = mvc.perform(post("/plans/{id}/decline", declined.id()).param("reason", "  ")
			.with(user(operator)).with(csrf())).andReturn();
		assertThat(blank.getResponse().getStatus()).isEqualTo(422);
		assertThat(blank.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.containsPattern("id=\"decline-reason\"[^>]*is-invalid");

		assertThat(redirect(post("/plans/{id}/decline", declined.id()).param("reason", "Срок слишком долгий")
			.with(user(operator)))).isEqualTo("/plans/" + declined.id());
		assertThat(plans.get(agency.tenant().id(), declined.id()).status()).isEqualTo(PlanStatus.DECLINED);
		assertThat(page("/plans/" + declined.id(), operator)).contains("Срок слишком долгий", "Отклонён");

		Plan approved = request(agency, debtOf(agency, "60000.00"), 36);
		assertThat(redirect(post("/plans/{id}/approve", approved.id()).with(user(operator))))
			.isEqualTo("/plans/" + approved.id());
		assertThat(plans.get(agency.tenant().id(), approved.id()).status()).isEqualTo(PlanStatus.AWAITING_SIGNATURE);
		// a second approval is refused with its message, not a failure
		MvcResult again = mvc.perform(post("/plans/{id}/approve", approved.id()).with(user(operator)).with(csrf()))
			.andReturn();
		assertThat(again.getFlashMap().get("problem")).isNotNull();
	}

	@Test
	void aRunningPlanIsPausedResumedAndEndedWithAReasonAndItsInstalmentsAndHistoryAreShown() throws Exception {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		UserDetails operator = fixtures.admin(agency);
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(agency, debt, 3));
		assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(page("/plans?status=ACTIVE", operator)).contains(debt.contractNumber());

		MvcResult blank = mvc.perform(post("/plans/{id}/pause", plan.id()).param("reason", "")
			.with(user(operator)).with(csrf())).andReturn();
		assertThat(blank.getResponse().getStatus()).isEqualTo(422);
		assertThat(plans.get(tenant, plan.id()).isPaused()).isFalse();

		assertThat(redirect(post("/plans/{id}/pause", plan.id()).param("reason", "Должник в больнице")
			.with(user(operator)))).isEqualTo("/plans/" + plan.id());
		assertThat(plans.get(tenant, plan.id()).isPaused()).isTrue();
		assertThat(auditActions(tenant, plan.id())).contains("PLAN_PAUSED");
		String page = page("/plans/" + plan.id(), operator);
		assertThat(page).contains("id=\"plan-paused\"", "paused:Должник в больнице", "id=\"send-resume\"",
				"id=\"plan-instalments\"", "10\u00a0000,00\u00a0₽");

		assertThat(redirect(post("/plans/{id}/resume", plan.id()).with(user(operator)))).isEqualTo("/plans/" + plan.id());
		assertThat(plans.get(tenant, plan.id()).isPaused()).isFalse();
		assertThat(auditActions(tenant, plan.id())).contains("PLAN_RESUMED");

		assertThat(redirect(post("/plans/{id}/end", plan.id()).param("reason", "Должник просил прекратить")
			.with(user(operator)))).isEqualTo("/plans/" + plan.id());
		Plan ended = plans.get(tenant, plan.id());
		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.note()).isEqualTo("Должник просил прекратить");
		assertThat(page("/plans?status=BROKEN", operator)).contains(debt.contractNumber());
	}

	/** The same pause, resume and end by API (issue 15: every page action has an API counterpart), audited with the key. */
	@Test
	void aRunningPlanIsPausedResumedAndEndedByTheApiAsOnItsPage() throws Exception {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		String key = "Bearer " + agency.apiKey().secret();
		Plan plan = sign(agency, request(agency, debtOf(agency, "30000.00"), 3));

		MvcResult blank = mvc.perform(post("/api/v1/plans/{id}/pause", plan.id()).header("Authorization", key)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}")).andReturn();
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(blank.getResponse().getContentAsString()).contains("plan.note-required");
		assertThat(plans.get(tenant, plan.id()).isPaused()).isFalse();

		assertThat(api(post("/api/v1/plans/{id}/pause", plan.id()).header("Authorization", key)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"reason\":\"Должник в больнице\"}")))
			.isEqualTo(200);
		assertThat(plans.get(tenant, plan.id()).isPaused()).isTrue();
		assertThat(api(post("/api/v1/plans/{id}/resume", plan.id()).header("Authorization", key))).isEqualTo(200);
		assertThat(plans.get(tenant, plan.id()).isPaused()).isFalse();
		assertThat(api(post("/api/v1/plans/{id}/end", plan.id())
			.header("Authorization", "Bearer " + fixtures.tenant(TenantKind.COLLECTOR).apiKey().secret())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"reason\":\"Чужой\"}")))
			.as("another agency's plan").isEqualTo(404);
		assertThat(api(post("/api/v1/plans/{id}/end", plan.id()).header("Authorization", key)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Должник просил прекратить\"}"))).isEqualTo(200);
		Plan ended = plans.get(tenant, plan.id());
		assertThat(ended.status()).isEqualTo(PlanStatus.BROKEN);
		assertThat(ended.note()).isEqualTo("Должник просил прекратить");
		assertThat(auditActions(tenant, plan.id())).contains("PLAN_PAUSED", "PLAN_RESUMED", "PLAN_BROKEN");
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'PLAN_PAUSED'")
			.param(tenant.value()).query(String.class).single()).startsWith("api-key:");
	}

	private int api(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/**
	 * A plan the agency paused is still paused when the debtor disputes the debt (the dispute neither fails nor pauses
	 * it twice), and the agency may not resume it while the dispute is open.
	 */
	@Test
	void aDisputeOfADebtWhosePlanTheAgencyPausedIsOpenedAndTheAgencyMayNotResumeItMeanwhile() throws Exception {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(agency, debt, 3));
		plans.pause(tenant, plan.id(), "Должник в больнице", ru.kredo.audit.AuditActor.COMMAND_LINE);

		disputes.open(tenant, debt.contactId(), debt.id(), ru.kredo.collections.DisputeReason.WRONG_SUM, "Сумма неверна");

		assertThat(plans.get(tenant, plan.id()).isPaused()).isTrue();
		MvcResult resumed = mvc.perform(post("/plans/{id}/resume", plan.id()).with(user(fixtures.admin(agency)))
			.with(csrf())).andReturn();
		assertThat(resumed.getFlashMap().get("problem")).isInstanceOfSatisfying(ru.kredo.platform.Rejected.class,
				r -> assertThat(r.code()).isEqualTo("plan.paused-by-dispute"));
		assertThat(plans.get(tenant, plan.id()).isPaused()).isTrue();
	}

	/**
	 * Adherence: a payment's part towards an instalment is kept with its day; an instalment paid by its date is on time,
	 * one due and unpaid is not; the cash that came in shows in its month; another agency sees none of it.
	 */
	@Test
	void adherenceCountsInstalmentsPaidOnTimeAndTheCashThatCameInPerMonthAndPortfolio() throws Exception {
		Provisioned agency = agency();
		TenantId tenant = agency.tenant().id();
		UserDetails operator = fixtures.admin(agency);
		Debt debt = debtOf(agency, "30000.00");
		Plan plan = sign(agency, request(agency, debt, 3));
		LocalDate today = calendar.today();
		transaction.executeWithoutResult(status -> events.publishEvent(new ru.kredo.payments.PaymentSucceeded(tenant,
				new ru.kredo.payments.PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles("10000.00"),
				today.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant())));
		assertThat(jdbc.sql("select number, amount from plan_instalment_payments where plan_id = ?").param(plan.id())
			.query((row, n) -> row.getInt("number") + ":" + row.getLong("amount")).list()).containsExactly("1:1000000");
		// As if all this had happened 45 days earlier: the first instalment paid before its date, the second now due.
		jdbc.sql("update plan_instalments set due_on = due_on - 45 where plan_id = ?").param(plan.id()).update();
		jdbc.sql("update plan_instalment_payments set due_on = due_on - 45, paid_on = paid_on - 45 where plan_id = ?")
			.param(plan.id()).update();

		String page = page("/plans/adherence", operator);
		assertThat(page).contains("Без портфеля", "1 из 2 (50 %)", "10 000,00 ₽");
		String paidMonth = java.time.YearMonth.from(today.minusDays(45)).toString();
		assertThat(page).containsPattern("data-month=\"" + paidMonth + "\"[\\s\\S]*?came-in\">10\u00a0000,00\u00a0₽");

		String other = page("/plans/adherence", fixtures.admin(agency()));
		assertThat(other).doesNotContain("10 000,00 ₽").doesNotContain("Без портфеля");
	}

	@Test
	void anotherAgencysPlanIsNotFoundOnEveryPageAndForm() throws Exception {
		Provisioned agency = agency();
		Plan plan = request(agency, debtOf(agency, "60000.00"), 36);
		Provisioned other = agency();
		UserDetails stranger = fixtures.admin(other);

		assertThat(status(get("/plans/{id}", plan.id()).with(user(stranger)))).isEqualTo(404);
		assertThat(status(get("/plans/of/{id}", plan.debtorId().value()).with(user(stranger)))).isEqualTo(404);
		for (String action : List.of("approve", "propose", "decline", "pause", "resume", "end")) {
			assertThat(status(post("/plans/{id}/" + action, plan.id()).param("reason", "x").param("months", "6")
				.param("first", firstDate().toString()).with(user(stranger)).with(csrf()))).as(action).isEqualTo(404);
		}
		assertThat(page("/inbox/plans", stranger)).doesNotContain(plan.id().toString());
		assertThat(page("/plans", stranger)).doesNotContain(plan.id().toString());
		assertThat(plans.get(agency.tenant().id(), plan.id()).status()).isEqualTo(PlanStatus.REQUESTED);
	}

	private String page(String path, UserDetails staff) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(staff)).header("Accept-Language", "ru")).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String redirect(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private Provisioned agency() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Тест»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		return agency;
	}

	private Debt debtOf(Provisioned agency, String principal) {
		Contact debtor = fixtures.contact(agency);
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles(principal), Money.ZERO), 400);
	}

	private LocalDate firstDate() {
		return calendar.today().plusDays(10);
	}

	/** The debtor's request (36 months is outside the default policy's 24: it waits in the inbox). */
	private Plan request(Provisioned agency, Debt debt, int months) {
		return plans.request(agency.tenant().id(), debt.contactId(), debt.id(), PlanReason.LOST_INCOME,
				Money.ofRoubles("45000"), null, new Terms.ByMonths(months), firstDate(), Plans.debtor(debt.contactId()));
	}

	/** Signs as the cabinet does: a signing code texted to his phone, confirmed, its challenge the signature. */
	private Plan sign(Provisioned agency, Plan plan) {
		TenantId tenant = agency.tenant().id();
		Contact debtor = contacts.get(tenant, plan.debtorId());
		long sent = texted.count(tenant);
		Debt debt = debts.get(tenant, plan.debtId());
		CabinetSignIn.Challenge challenge = codes.startSignature(agency.tenant(), debtor.name(), debtor.phone(),
				debt.contractNumber());
		String code = texted.latest(tenant, (int) sent + 1);
		assertThat(codes.confirm(agency.tenant(), challenge.id(), code)).isEqualTo(debtor.id());
		return plans.sign(tenant, debtor.id(), plan.id(), challenge.id(), "План: 3 платежа по 10 000,00 ₽.");
	}

	private List<String> auditActions(TenantId tenant, UUID plan) {
		return jdbc.sql("select action from audit_events where tenant_id = ? and object_type = 'plan' and object_id = ? "
				+ "order by id")
			.params(tenant.value(), plan.toString())
			.query(String.class)
			.list();
	}
}
