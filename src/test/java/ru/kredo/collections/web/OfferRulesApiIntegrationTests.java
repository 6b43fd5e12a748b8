package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.OfferRules;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's discount rules by API (issue 15): added, changed, switched and deleted with the page's effects (offers
 * made at once), refused with the page's codes for the same bad input, paged by cursor, audited, another agency's a
 * 404, and no route for a broker.
 */
@IntegrationTest
class OfferRulesApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Offers offers;

	@Autowired
	OfferRules rules;

	@Autowired
	Debts debts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aRuleAddedByTheApiMakesOffersAtOnceAndIsChangedSwitchedAndDeletedAsOnThePage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		ContactId debtor = fixtures.contact(agency).id();
		Debt debt = debt(agency, debtor);

		MvcResult added = mvc.perform(api(post("/api/v1/offer-rules"), agency).content("""
				{"name":"Всем","minDaysPastDue":0,"minBalance":"0","discountPercent":15,"validDays":20,"maxParts":3,
				"interval":"MONTH","graceDays":0}""")).andReturn();

		assertThat(added.getResponse().getStatus()).as(body(added).toString()).isEqualTo(201);
		UUID id = UUID.fromString(body(added).get("id").asString());
		assertThat(added.getResponse().getHeader("Location")).isEqualTo("/api/v1/offer-rules/" + id);
		assertThat(body(added).get("discountPercent").asInt()).isEqualTo(15);
		assertThat(body(added).get("maxParts").asInt()).isEqualTo(3);
		assertThat(offers.find(agency.tenant().id(), debt.id()).orElseThrow().discountPercent()).isEqualTo(15);
		assertThat(body(mvc.perform(api(get("/api/v1/offer-rules/{id}", id), agency)).andReturn()).get("offersMade").asLong())
			.isEqualTo(1);

		MvcResult changed = mvc.perform(api(put("/api/v1/offer-rules/{id}", id), agency)
			.content("{\"name\":\"Всем, щедрее\",\"discountPercent\":25}")).andReturn();
		assertThat(changed.getResponse().getStatus()).as(body(changed).toString()).isEqualTo(200);
		assertThat(rules.get(agency.tenant().id(), id).rule().discountPercent()).isEqualTo(25);
		// Offers made after the change get the new terms (the page's effect): a new debt, offered at once.
		Debt later = debt(agency, debtor);
		assertThat(offers.find(agency.tenant().id(), later.id()).orElseThrow().discountPercent()).isEqualTo(25);

		MvcResult off = mvc.perform(api(put("/api/v1/offer-rules/{id}/enabled", id), agency).content("{\"enabled\":false}"))
			.andReturn();
		assertThat(body(off).get("enabled").asBoolean()).isFalse();
		assertThat(rules.get(agency.tenant().id(), id).enabled()).isFalse();
		MvcResult refusedDelete = mvc.perform(api(delete("/api/v1/offer-rules/{id}", id), agency)).andReturn();
		assertThat(refusedDelete.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refusedDelete).get("code").asString()).isEqualTo("offer.rule-has-offers");

		UUID unused = UUID.fromString(body(mvc.perform(api(post("/api/v1/offer-rules"), agency)
			.content("{\"name\":\"Никому\",\"minDaysPastDue\":5000,\"discountPercent\":5}")).andReturn()).get("id").asString());
		assertThat(mvc.perform(api(delete("/api/v1/offer-rules/{id}", unused), agency)).andReturn().getResponse().getStatus())
			.isEqualTo(204);
		assertThat(rules.all(agency.tenant().id())).extracting(line -> line.rule().id()).containsExactly(id);
		assertThat(jdbc.sql("""
				select action from audit_events where tenant_id = ? and object_type = 'offer-rule' and actor like 'api-key:%'
				order by id""").param(agency.tenant().id().value()).query(String.class).list())
			.containsExactly("OFFER_RULE_ADDED", "OFFER_RULE_CHANGED", "OFFER_RULE_SWITCHED", "OFFER_RULE_ADDED",
					"OFFER_RULE_DELETED");
	}

	@Test
	void thePageAndTheApiRefuseTheSameBadRuleWithTheSameCodes() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Map<String, String> bad = Map.of("name", " ", "minDaysPastDue", "-5", "minBalance", "12 345,678",
				"discountPercent", "70", "validDays", "400", "maxParts", "24", "interval", "YEARLY", "graceDays", "31");

		MvcResult api = mvc.perform(api(post("/api/v1/offer-rules"), agency).header("Accept-Language", "en")
			.content(json.writeValueAsString(bad))).andReturn();
		MockHttpServletRequestBuilder form = post("/offer-rules").with(user(fixtures.admin(agency))).with(csrf());
		bad.forEach(form::param);
		MvcResult page = mvc.perform(form).andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		Map<String, String> apiCodes = new TreeMap<>();
		body(api).get("errors").forEach(error -> apiCodes.put(error.get("field").asString(), error.get("code").asString()));
		assertThat(apiCodes).hasSize(8).containsEntry("discountPercent", "offer.discount-invalid")
			.containsEntry("interval", "offer.interval-invalid");
		assertThat(body(api).get("errors").get(0).get("message").asString()).doesNotContainPattern("[а-яА-Я]");
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		@SuppressWarnings("unchecked")
		Map<String, Rejected> pageErrors = (Map<String, Rejected>) page.getModelAndView().getModel().get("errors");
		Map<String, String> pageCodes = new TreeMap<>();
		pageErrors.forEach((field, rejected) -> pageCodes.put(field, rejected.code()));
		assertThat(apiCodes).isEqualTo(pageCodes);
		assertThat(rules.all(agency.tenant().id())).isEmpty();
	}

	@Test
	void theListIsPagedByCursorWithATotal() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		for (int i = 0; i < 5; i++) {
			offers.addRule(agency.tenant().id(), "Правило " + i, 10_000, Money.ZERO, 10 + i, 30,
					ru.kredo.collections.PartPolicy.IN_FULL);
		}

		List<String> names = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = body(mvc.perform(api(get("/api/v1/offer-rules"), agency).param("limit", "2")
				.param("cursor", cursor == null ? "" : cursor)).andReturn());
			assertThat(page.get("total").asLong()).isEqualTo(5);
			page.get("items").forEach(item -> names.add(item.get("name").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(names).containsExactly("Правило 0", "Правило 1", "Правило 2", "Правило 3", "Правило 4");
		MvcResult forged = mvc.perform(api(get("/api/v1/offer-rules"), agency).param("cursor", "bm9wZQ")).andReturn();
		assertThat(body(forged).get("code").asString()).isEqualTo("request.cursor-invalid");
	}

	@Test
	void anotherAgencysRuleIsNotFoundAndABrokerHasNoRoute() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UUID id = offers.addRule(agency.tenant().id(), "Своё", 0, Money.ZERO, 10, 30,
				ru.kredo.collections.PartPolicy.IN_FULL).id();

		for (MockHttpServletRequestBuilder call : List.of(get("/api/v1/offer-rules/{id}", id),
				put("/api/v1/offer-rules/{id}", id).content("{\"name\":\"Чужое\",\"discountPercent\":40}"),
				put("/api/v1/offer-rules/{id}/enabled", id).content("{\"enabled\":false}"),
				delete("/api/v1/offer-rules/{id}", id))) {
			MvcResult refused = mvc.perform(api(call, other)).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(404);
			assertThat(body(refused).get("code").asString()).isEqualTo("offer.rule-not-found");
		}
		assertThat(body(mvc.perform(api(get("/api/v1/offer-rules"), other)).andReturn()).get("total").asLong()).isZero();
		assertThat(mvc.perform(api(get("/api/v1/offer-rules"), broker)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(api(post("/api/v1/offer-rules"), broker).content("{\"name\":\"x\",\"discountPercent\":10}"))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(rules.get(agency.tenant().id(), id).rule().name()).isEqualTo("Своё");
		assertThat(rules.get(agency.tenant().id(), id).enabled()).isTrue();
	}

	@Test
	void thePagesChangesAreAuditedToo() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		mvc.perform(post("/offer-rules").with(user(fixtures.admin(agency))).with(csrf()).param("name", "Со страницы")
			.param("discountPercent", "10")).andReturn();
		UUID id = rules.all(agency.tenant().id()).getFirst().rule().id();
		mvc.perform(post("/offer-rules/{id}/enabled", id).param("enabled", "false").with(user(fixtures.admin(agency)))
			.with(csrf())).andReturn();

		assertThat(jdbc.sql("""
				select action from audit_events where tenant_id = ? and object_type = 'offer-rule' and actor like 'user:%'
				order by id""").param(agency.tenant().id().value()).query(String.class).list())
			.containsExactly("OFFER_RULE_ADDED", "OFFER_RULE_SWITCHED");
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder call, Provisioned tenant) {
		return call.header("Authorization", "Bearer " + tenant.apiKey().secret()).contentType(MediaType.APPLICATION_JSON);
	}

	private Debt debt(Provisioned agency, ContactId debtor) {
		return debts.add(agency.tenant().id(), debtor, "МФО «Быстро»", "КД-" + UUID.randomUUID(), LocalDate.of(2024, 1, 9),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
	}

	private JsonNode body(MvcResult result) throws Exception {
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(text.isEmpty() ? "{}" : text);
	}
}
