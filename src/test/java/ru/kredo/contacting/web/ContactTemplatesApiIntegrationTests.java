package ru.kredo.contacting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's texts to its debtors and its SMS sender name by API (issue 15, «The API, both halves»): read as they
 * read now, changed by the page's check and save (137-ФЗ: the agency and its phone named), audited as the API key, the
 * same bad text refused with the page's codes, a template not named kept, and no route for a broker.
 */
@IntegrationTest
class ContactTemplatesApiIntegrationTests {

	private static final String WORDING = "{agency}, тел. {phone}: до {date} внесите {amount} — особая формулировка, {link}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ContactTemplates templates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void theTextsAreReadChangedResetAndAuditedAsOnThePage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		JsonNode start = body(mvc.perform(api(get("/api/v1/contact-templates"), agency)).andReturn());
		assertThat(start.get("sender").isNull()).isTrue();
		assertThat(start.get("templates")).hasSize(MessageTemplate.values().length);
		assertThat(start.get("placeholders").toString()).contains("{agency}", "{phone}");
		JsonNode due = template(start, "PLAN_INSTALMENT_DUE");
		assertThat(due.get("own").asBoolean()).isFalse();
		assertThat(due.get("text").asString()).isEqualTo(MessageTemplate.PLAN_INSTALMENT_DUE.defaultText());
		assertThat(due.get("purpose").asString()).isEqualTo("plan.instalment-due");

		MvcResult saved = mvc.perform(api(put("/api/v1/contact-templates"), agency).content(json.writeValueAsString(
				Map.of("texts", Map.of("PLAN_INSTALMENT_DUE", WORDING), "sender", "Vozvrat")))).andReturn();
		assertThat(saved.getResponse().getStatus()).as(body(saved).toString()).isEqualTo(200);
		assertThat(template(body(saved), "PLAN_INSTALMENT_DUE").get("own").asBoolean()).isTrue();
		assertThat(body(saved).get("sender").asString()).isEqualTo("Vozvrat");
		assertThat(templates.text(agency.tenant().id(), MessageTemplate.PLAN_INSTALMENT_DUE)).isEqualTo(WORDING);

		// A template not named and an absent sender are kept; a blank text goes back to the default.
		mvc.perform(api(put("/api/v1/contact-templates"), agency).content(json.writeValueAsString(
				Map.of("texts", Map.of("PLAN_BEHIND", "{agency}: платёж не поступил, {link} Тел. {phone}"))))).andReturn();
		assertThat(templates.text(agency.tenant().id(), MessageTemplate.PLAN_INSTALMENT_DUE)).isEqualTo(WORDING);
		assertThat(templates.sender(agency.tenant().id())).contains("Vozvrat");
		mvc.perform(api(put("/api/v1/contact-templates"), agency).content(json.writeValueAsString(
				Map.of("texts", Map.of("PLAN_INSTALMENT_DUE", ""), "sender", "")))).andReturn();
		assertThat(templates.text(agency.tenant().id(), MessageTemplate.PLAN_INSTALMENT_DUE))
			.isEqualTo(MessageTemplate.PLAN_INSTALMENT_DUE.defaultText());
		assertThat(templates.sender(agency.tenant().id())).isEmpty();

		assertThat(jdbc.sql("""
				select action || ' ' || detail from audit_events where tenant_id = ? and action like 'CONTACT_%'
				and actor like 'api-key:%' order by id""").param(agency.tenant().id().value()).query(String.class).list())
			.containsExactlyInAnyOrder("CONTACT_TEMPLATE_SAVED template:PLAN_INSTALMENT_DUE",
					"CONTACT_SENDER_CHANGED sender:Vozvrat", "CONTACT_TEMPLATE_SAVED template:PLAN_BEHIND",
					"CONTACT_TEMPLATE_RESET template:PLAN_INSTALMENT_DUE", "CONTACT_SENDER_CHANGED sender:none");
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and detail like '%особая%'")
			.param(agency.tenant().id().value()).query(Long.class).single()).as("the text is not in the log").isZero();
	}

	@Test
	void thePageAndTheApiRefuseTheSameTextsWithTheSameCodesAndSaveNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("PLAN_INSTALMENT_DUE", "Оплатите {amount} до {date}: {link}");
		bad.put("PLAN_BEHIND", "{agency}: платёж {amount} не поступил, {link}");
		bad.put("CHAT_ANSWERED", "{agency}, тел. {phone}: {nonsense}");

		MvcResult api = mvc.perform(api(put("/api/v1/contact-templates"), agency).header("Accept-Language", "en")
			.content(json.writeValueAsString(Map.of("texts", bad, "sender", "Возврат!")))).andReturn();
		MockHttpServletRequestBuilder form = post("/contact-templates").with(user(fixtures.admin(agency))).with(csrf())
			.param("sender", "Возврат!");
		bad.forEach(form::param);
		MvcResult page = mvc.perform(form).andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		Map<String, String> apiCodes = new TreeMap<>();
		body(api).get("errors").forEach(error -> apiCodes.put(error.get("field").asString(), error.get("code").asString()));
		assertThat(apiCodes).containsEntry("PLAN_INSTALMENT_DUE", "contact-template.agency-missing")
			.containsEntry("PLAN_BEHIND", "contact-template.phone-missing")
			.containsEntry("CHAT_ANSWERED", "contact-template.unknown-placeholder")
			.containsEntry("sender", "contact-template.sender-invalid");
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		@SuppressWarnings("unchecked")
		Map<String, Rejected> pageErrors = (Map<String, Rejected>) page.getModelAndView().getModel().get("errors");
		Map<String, String> pageCodes = new TreeMap<>();
		pageErrors.forEach((field, rejected) -> pageCodes.put(field, rejected.code()));
		assertThat(apiCodes).isEqualTo(pageCodes);

		MvcResult unknown = mvc.perform(api(put("/api/v1/contact-templates"), agency)
			.content("{\"texts\":{\"NO_SUCH\":\"{agency} {phone}\"}}")).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(unknown).get("errors").get(0).get("code").asString()).isEqualTo("contact-template.unknown-template");
		assertThat(body(unknown).get("errors").get(0).get("message").asString()).contains("CABINET_INVITATION");

		MvcResult nothing = mvc.perform(api(put("/api/v1/contact-templates"), agency).content("{\"text\":{}}")).andReturn();
		assertThat(nothing.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(nothing).get("errors").get(0).get("code").asString()).isEqualTo("contact-template.nothing-to-change");

		assertThat(templates.sender(agency.tenant().id())).isEmpty();
		assertThat(jdbc.sql("select count(*) from contact_templates where tenant_id = ?")
			.param(agency.tenant().id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void anAgencyReadsAndChangesOnlyItsOwnAndABrokerHasNoRoute() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		mvc.perform(api(put("/api/v1/contact-templates"), agency).content(json.writeValueAsString(
				Map.of("texts", Map.of("PLAN_INSTALMENT_DUE", WORDING), "sender", "Vozvrat")))).andReturn();

		JsonNode others = body(mvc.perform(api(get("/api/v1/contact-templates"), other)).andReturn());
		assertThat(others.get("sender").isNull()).isTrue();
		assertThat(template(others, "PLAN_INSTALMENT_DUE").get("own").asBoolean()).isFalse();
		assertThat(mvc.perform(api(get("/api/v1/contact-templates"), broker)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(api(put("/api/v1/contact-templates"), broker).content("{\"sender\":\"Broker\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(templates.sender(broker.tenant().id())).isEmpty();
		assertThat(templates.sender(agency.tenant().id())).contains("Vozvrat");
	}

	private static JsonNode template(JsonNode body, String name) {
		for (JsonNode template : body.get("templates")) {
			if (template.get("template").asString().equals(name)) {
				return template;
			}
		}
		throw new AssertionError("no template " + name + " in " + body);
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder call, Provisioned tenant) {
		return call.header("Authorization", "Bearer " + tenant.apiKey().secret()).contentType(MediaType.APPLICATION_JSON);
	}

	private JsonNode body(MvcResult result) throws Exception {
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(text.isEmpty() ? "{}" : text);
	}
}
