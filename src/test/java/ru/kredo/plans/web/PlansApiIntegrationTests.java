package ru.kredo.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.StatementCounter;
import ru.kredo.StatementCounter.Counted;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantKind;

/**
 * The plans API (issue 13, for integrators): a plan requested on a debtor's behalf, listed by state, read with its
 * instalments and history, approved, other terms proposed, declined; RFC 9457 refusals with the plan.* codes in the
 * caller's language; another agency's plan a 404 everywhere; the audit log names the key.
 */
@IntegrationTest
class PlansApiIntegrationTests {

	@Autowired
	MockMvc mvc;

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

	@Test
	void aPlanIsRequestedOnTheDebtorsBehalfListedReadAndProposedOtherTerms() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String key = "Bearer " + agency.apiKey().secret();
		Debt debt = debtOf(agency);

		MvcResult created = mvc.perform(post("/api/v1/plans").header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"debtId":"%s","reason":"ILLNESS","income":"45000.00","months":36,"first":"%s"}"""
				.formatted(debt.id().value(), first()))).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String body = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"status\":\"REQUESTED\"", "\"breaches\":[\"months\"]", "\"income\":\"45000.00\"",
				"\"total\":\"60000.00\"", "\"isPaid\":false", debt.contractNumber());
		Plan plan = plans.ofDebt(agency.tenant().id(), debt.id()).getFirst();
		assertThat(plan.debtorId()).isEqualTo(debt.contactId());
		assertThat(plans.transitions(agency.tenant().id(), plan.id()).getFirst().actor()).startsWith("api-key:");

		assertThat(json(get("/api/v1/plans?status=REQUESTED").header("Authorization", key)))
			.contains(plan.id().toString(), "\"income\":null").doesNotContain("45000.00");
		assertThat(json(get("/api/v1/plans?status=ACTIVE&status=BEHIND").header("Authorization", key)))
			.doesNotContain(plan.id().toString());
		assertThat(json(get("/api/v1/plans/{id}", plan.id()).header("Authorization", key)))
			.contains("\"transitions\":[{\"from\":null,\"to\":\"REQUESTED\"", "\"income\":\"45000.00\"");

		MvcResult wrong = mvc.perform(post("/api/v1/plans/{id}/proposal", plan.id()).header("Authorization", key)
			.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"months\":0}")).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"code\":\"request.invalid-fields\"", "plan.months-invalid", "plan.first-past");

		assertThat(json(post("/api/v1/plans/{id}/proposal", plan.id()).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":12,\"first\":\"%s\"}".formatted(first()))))
			.contains("\"status\":\"PROPOSED\"", "\"number\":12");
		MvcResult again = mvc.perform(post("/api/v1/plans/{id}/approve", plan.id()).header("Authorization", key))
			.andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"code\":\"plan.not-requested\"", "Этот план уже рассмотрен.");

		MvcResult twice = mvc.perform(post("/api/v1/plans").header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"debtId":"%s","reason":"OTHER","months":3,"first":"%s"}""".formatted(debt.id().value(), first())))
			.andReturn();
		assertThat(twice.getResponse().getStatus()).isEqualTo(400);
		assertThat(twice.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("plan.already-open");
	}

	@Test
	void aRequestIsApprovedOrDeclinedAndWithinThePolicyItAwaitsTheSignatureAtOnce() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		String key = "Bearer " + agency.apiKey().secret();

		assertThat(json(post("/api/v1/plans").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"debtId\":\"%s\",\"reason\":\"OTHER\",\"monthly\":\"10000.00\",\"first\":\"%s\"}"
				.formatted(debtOf(agency).id().value(), first()))))
			.contains("\"status\":\"AWAITING_SIGNATURE\"", "\"breaches\":[]");

		Plan approved = request(agency, debtOf(agency));
		assertThat(json(post("/api/v1/plans/{id}/approve", approved.id()).header("Authorization", key)))
			.contains("\"status\":\"AWAITING_SIGNATURE\"");
		Plan declined = request(agency, debtOf(agency));
		MvcResult noReason = mvc.perform(post("/api/v1/plans/{id}/decline", declined.id()).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("plan.note-required");
		assertThat(json(post("/api/v1/plans/{id}/decline", declined.id()).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Позвоните нам\"}")))
			.contains("\"status\":\"DECLINED\"", "Позвоните нам");
		assertThat(jdbc.sql("select actor from audit_events where action = 'PLAN_DECLINED' and object_id = ?")
			.param(declined.id().toString()).query(String.class).single()).startsWith("api-key:");
	}

	@Test
	void anotherAgencysPlanAndDebtAreNotFound() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Debt debt = debtOf(agency);
		Plan plan = request(agency, debt);
		String stranger = "Bearer " + fixtures.tenant(TenantKind.COLLECTOR).apiKey().secret();

		assertThat(status(get("/api/v1/plans/{id}", plan.id()).header("Authorization", stranger))).isEqualTo(404);
		assertThat(status(post("/api/v1/plans/{id}/approve", plan.id()).header("Authorization", stranger))).isEqualTo(404);
		assertThat(status(post("/api/v1/plans/{id}/proposal", plan.id()).header("Authorization", stranger)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":6,\"first\":\"%s\"}".formatted(first()))))
			.isEqualTo(404);
		assertThat(status(post("/api/v1/plans/{id}/decline", plan.id()).header("Authorization", stranger)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"нет\"}"))).isEqualTo(404);
		assertThat(status(post("/api/v1/plans").header("Authorization", stranger).contentType(MediaType.APPLICATION_JSON)
			.content("{\"debtId\":\"%s\",\"reason\":\"OTHER\",\"months\":3,\"first\":\"%s\"}"
				.formatted(debt.id().value(), first())))).isEqualTo(404);
		assertThat(json(get("/api/v1/plans").header("Authorization", stranger))).doesNotContain(plan.id().toString());
		assertThat(plans.get(agency.tenant().id(), plan.id()).status()).isEqualTo(PlanStatus.REQUESTED);
	}

	@Test
	void aWindowOfPlansAndThePlansPageReadTheirDebtsNamesAndTimesOncePerPageNotOncePerPlan() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		for (int i = 0; i < 12; i++) {
			request(agency, debtOf(agency));
		}
		String key = "Bearer " + agency.apiKey().secret();
		// The key's first use does more (it records when it was last used); the windows compared are not the first.
		json(get("/api/v1/plans?limit=1").header("Authorization", key));
		Counted<String> three = StatementCounter.count(() -> json(get("/api/v1/plans?limit=3").header("Authorization", key)));
		Counted<String> twelve = StatementCounter.count(() -> json(get("/api/v1/plans?limit=12").header("Authorization", key)));

		assertThat(twelve.result()).contains("\"contractNumber\":\"КД-", "\"requestedAt\":\"");
		assertThat(twelve.result().split("\"status\":\"REQUESTED\"")).hasSize(13);
		assertThat(twelve.statements()).as("statements for 12 plans").isEqualTo(three.statements());

		var admin = fixtures.admin(agency);
		Counted<String> page = StatementCounter.count(() -> mvc.perform(get("/plans").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(admin)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.result()).contains("Показано 1–12 из 12");
		assertThat(page.statements()).as("statements for a page of 12 plans").isLessThan(12);
	}

	@Test
	void theOpenApiDescriptionDocumentsEveryEndpointWithExamplesAndProblems() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		tools.jackson.databind.JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(doc)
			.get("paths");
		assertThat(paths.get("/api/v1/plans").get("get").get("tags").get(0).asString()).isEqualTo("Plans");
		assertThat(paths.get("/api/v1/plans").get("post").get("responses").propertyNames()).contains("201", "400", "404");
		assertThat(paths.get("/api/v1/plans/{id}").get("get").get("responses").propertyNames()).contains("200", "404");
		assertThat(paths.get("/api/v1/plans/{id}/proposal").get("post").get("requestBody").toString()).contains("months");
		assertThat(paths.get("/api/v1/plans/{id}/decline").get("post").get("responses").get("400").toString())
			.contains("plan.note-required");
		assertThat(paths.get("/api/v1/plans/{id}/approve").get("post").get("responses").get("200").toString())
			.contains("REQUESTED");
	}

	private String json(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private Debt debtOf(Provisioned agency) {
		Contact debtor = fixtures.contact(agency);
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("60000.00"), Money.ZERO), 400);
	}

	private LocalDate first() {
		return calendar.today().plusDays(10);
	}

	private Plan request(Provisioned agency, Debt debt) {
		return plans.request(agency.tenant().id(), debt.contactId(), debt.id(), PlanReason.LOST_INCOME, null, null,
				new Terms.ByMonths(36), first(), Plans.debtor(debt.contactId()));
	}
}
