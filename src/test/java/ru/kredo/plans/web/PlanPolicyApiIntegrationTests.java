package ru.kredo.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's plan policy by API (issue 15, «The API, both halves»): the agency's terms and a portfolio's read, set
 * and removed with the page's effects and audit, refused with the page's codes for the same bad input, another
 * agency's portfolio a 404, and no route for a broker.
 */
@IntegrationTest
class PlanPolicyApiIntegrationTests {

	private static final String STRICTER = """
			{"enabled":true,"minMonths":3,"maxMonths":12,"minInstalment":"2500.50","maxDaysToFirst":14,"graceDays":5,
			"daysToRepair":15,"repairs":0,"withDiscount":true,"minBalance":"3000.00","minDaysPastDue":90}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PlanPolicies policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void theAgencysAndAPortfoliosPolicyAreReadSetAndRemovedAsOnThePageAndAudited() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UUID portfolio = portfolio(agency, "Банк А, ноябрь");

		JsonNode start = body(mvc.perform(api(get("/api/v1/plan-policy"), agency)).andReturn());
		assertThat(start.get("maxMonths").asInt()).isEqualTo(24);
		assertThat(start.get("minInstalment").asString()).isEqualTo("1000.00");

		MvcResult saved = mvc.perform(api(put("/api/v1/plan-policy"), agency).content(STRICTER)).andReturn();
		assertThat(saved.getResponse().getStatus()).as(body(saved).toString()).isEqualTo(200);
		PlanPolicy stricter = new PlanPolicy(true, 3, 12, Money.ofRoubles("2500.50"), 14, 5, 15, 0, true,
				Money.ofRoubles("3000"), 90);
		assertThat(policies.agency(agency.tenant().id())).isEqualTo(stricter);
		assertThat(body(saved).get("minInstalment").asString()).isEqualTo("2500.50");
		assertThat(body(saved).get("withDiscount").asBoolean()).isTrue();

		JsonNode fallsBack = body(mvc.perform(api(get("/api/v1/plan-policy/portfolios/{id}", portfolio), agency)).andReturn());
		assertThat(fallsBack.get("own").asBoolean()).isFalse();
		assertThat(fallsBack.get("portfolioName").asString()).isEqualTo("Банк А, ноябрь");
		assertThat(fallsBack.get("policy").get("maxMonths").asInt()).isEqualTo(12);

		MvcResult own = mvc.perform(api(put("/api/v1/plan-policy/portfolios/{id}", portfolio), agency).content("""
				{"enabled":true,"minMonths":6,"maxMonths":36,"minInstalment":1000,"maxDaysToFirst":30,"graceDays":5,
				"daysToRepair":15,"repairs":1,"minBalance":"3000","minDaysPastDue":0}""")).andReturn();
		assertThat(own.getResponse().getStatus()).as(body(own).toString()).isEqualTo(200);
		assertThat(body(own).get("own").asBoolean()).isTrue();
		assertThat(body(own).get("policy").get("maxMonths").asInt()).isEqualTo(36);
		assertThat(body(own).get("policy").get("withDiscount").asBoolean()).as("absent: an unticked box").isFalse();
		assertThat(policies.effective(agency.tenant().id(), Optional.of(portfolio)).maxMonths()).isEqualTo(36);
		assertThat(policies.agency(agency.tenant().id())).as("the agency's own stays").isEqualTo(stricter);

		MvcResult removed = mvc.perform(api(delete("/api/v1/plan-policy/portfolios/{id}", portfolio), agency)).andReturn();
		assertThat(removed.getResponse().getStatus()).isEqualTo(204);
		assertThat(policies.portfolio(agency.tenant().id(), portfolio)).isEmpty();
		assertThat(body(mvc.perform(api(get("/api/v1/plan-policy/portfolios/{id}", portfolio), agency)).andReturn())
			.get("own").asBoolean()).isFalse();
		// Removed again: nothing to remove, nothing logged.
		assertThat(mvc.perform(api(delete("/api/v1/plan-policy/portfolios/{id}", portfolio), agency)).andReturn()
			.getResponse().getStatus()).isEqualTo(204);

		assertThat(jdbc.sql("""
				select action || ' ' || object_type from audit_events
				where tenant_id = ? and action like 'PLAN_POLICY_%' and actor like 'api-key:%' order by id""")
			.param(agency.tenant().id().value()).query(String.class).list())
			.containsExactly("PLAN_POLICY_CHANGED tenant", "PLAN_POLICY_CHANGED portfolio", "PLAN_POLICY_REMOVED portfolio");
	}

	@Test
	void thePageAndTheApiRefuseTheSamePolicyWithTheSameCodesAndSaveNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Map<String, String> bad = Map.of("minMonths", "12", "maxMonths", "6", "minInstalment", "-5", "graceDays", "1e9",
				"maxDaysToFirst", "400", "repairs", "13", "minBalance", "", "minDaysPastDue", "x", "daysToRepair", "30");

		MvcResult api = mvc.perform(api(put("/api/v1/plan-policy"), agency).header("Accept-Language", "en")
			.content(json.writeValueAsString(bad))).andReturn();
		MockHttpServletRequestBuilder form = post("/plan-policy").with(user(fixtures.admin(agency))).with(csrf());
		bad.forEach(form::param);
		MvcResult page = mvc.perform(form).andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(api).get("code").asString()).isEqualTo("request.invalid-fields");
		Map<String, String> apiCodes = new TreeMap<>();
		body(api).get("errors").forEach(error -> apiCodes.put(error.get("field").asString(), error.get("code").asString()));
		assertThat(apiCodes).containsEntry("maxMonths", "plan-policy.max-below-min")
			.containsKeys("minInstalment", "graceDays", "maxDaysToFirst", "repairs", "minBalance", "minDaysPastDue");
		assertThat(body(api).get("errors").get(0).get("message").asString()).doesNotContainPattern("[а-яА-Я]");
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		@SuppressWarnings("unchecked")
		Map<String, Rejected> pageErrors = (Map<String, Rejected>) page.getModelAndView().getModel().get("errors");
		Map<String, String> pageCodes = new TreeMap<>();
		pageErrors.forEach((field, rejected) -> pageCodes.put(field, rejected.code()));
		assertThat(apiCodes).isEqualTo(pageCodes);
		assertThat(policies.agency(agency.tenant().id())).isEqualTo(PlanPolicy.DEFAULT);
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action like 'PLAN_POLICY_%'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void anotherAgencysPortfolioIsNotFoundAndABrokerHasNoRoute() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UUID portfolio = portfolio(agency, "Своё");
		mvc.perform(api(put("/api/v1/plan-policy/portfolios/{id}", portfolio), agency).content(STRICTER)).andReturn();

		for (MockHttpServletRequestBuilder call : List.of(get("/api/v1/plan-policy/portfolios/{id}", portfolio),
				put("/api/v1/plan-policy/portfolios/{id}", portfolio).content(STRICTER.replace("12", "60")),
				delete("/api/v1/plan-policy/portfolios/{id}", portfolio))) {
			MvcResult refused = mvc.perform(api(call, other)).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(404);
			assertThat(body(refused).get("code").asString()).isEqualTo("portfolio.not-found");
		}
		assertThat(policies.portfolio(agency.tenant().id(), portfolio).orElseThrow().maxMonths()).isEqualTo(12);
		assertThat(policies.portfolio(other.tenant().id(), portfolio)).isEmpty();
		assertThat(mvc.perform(api(get("/api/v1/plan-policy"), broker)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(api(put("/api/v1/plan-policy"), broker).content(STRICTER)).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(policies.agency(broker.tenant().id())).isEqualTo(PlanPolicy.DEFAULT);
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder call, Provisioned tenant) {
		return call.header("Authorization", "Bearer " + tenant.apiKey().secret()).contentType(MediaType.APPLICATION_JSON);
	}

	private UUID portfolio(Provisioned agency, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, now())")
			.params(id, agency.tenant().id().value(), name).update();
		return id;
	}

	private JsonNode body(MvcResult result) throws Exception {
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(text.isEmpty() ? "{}" : text);
	}
}
