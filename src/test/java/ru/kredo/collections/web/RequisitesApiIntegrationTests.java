package ru.kredo.collections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * The agency's requisites by API (issue 15): saved and read as the page saves them, refused with the page's codes for
 * the same bad input, audited, one agency's never another's, and no route at all for a broker.
 */
@IntegrationTest
class RequisitesApiIntegrationTests {

	private static final String GOOD = """
			{"fullName":"ООО ПКО «Возврат»","inn":"7707083893","ogrn":"1027700132195","address":"Москва, ул. Тверская, 1",
			"phone":"+7 495 000-00-00","hours":"Пн–Пт 9–18","email":"info@vozvrat.ru","registryEntry":"1/17/77000-КЛ"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void savedByTheApiTheyAreTheAgencysAndReadBackAndAudited() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);

		MvcResult saved = mvc.perform(put("/api/v1/requisites").header("Authorization", "Bearer " + agency.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content(GOOD)).andReturn();

		assertThat(saved.getResponse().getStatus()).as(body(saved).toString()).isEqualTo(200);
		assertThat(body(saved).get("inn").asString()).isEqualTo("7707083893");
		assertThat(requisites.profile(agency.tenant().id()).orElseThrow().email()).isEqualTo("info@vozvrat.ru");
		JsonNode read = body(mvc.perform(get("/api/v1/requisites").header("Authorization", "Bearer " + agency.apiKey().secret()))
			.andReturn());
		assertThat(read.get("fullName").asString()).isEqualTo("ООО ПКО «Возврат»");
		assertThat(read.get("registryEntry").asString()).isEqualTo("1/17/77000-КЛ");
		assertThat(read.get("privacyPolicy").asString()).contains("ООО ПКО «Возврат»");
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'REQUISITES_CHANGED' and actor like 'api-key:%'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isEqualTo(1);
		// Another agency's are its own: none saved there, and its key does not see these.
		assertThat(requisites.profile(other.tenant().id())).isEmpty();
		JsonNode others = body(mvc.perform(get("/api/v1/requisites").header("Authorization", "Bearer " + other.apiKey().secret()))
			.andReturn());
		assertThat(others.get("inn").asString()).isEmpty();
	}

	@Test
	void thePageAndTheApiRefuseTheSameBadInputWithTheSameCodes() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Map<String, String> bad = Map.of("fullName", "", "inn", "7707083890", "ogrn", "1027700132195", "address", "Москва",
				"phone", "+7 495 000-00-00", "email", "not-an-address");

		MvcResult api = mvc.perform(put("/api/v1/requisites").header("Authorization", "Bearer " + agency.apiKey().secret())
			.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
			.andReturn();
		var page = mvc.perform(post("/requisites").with(user(fixtures.admin(agency))).with(csrf())
			.param("fullName", bad.get("fullName")).param("inn", bad.get("inn")).param("ogrn", bad.get("ogrn"))
			.param("address", bad.get("address")).param("phone", bad.get("phone")).param("email", bad.get("email")))
			.andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(api).get("code").asString()).isEqualTo("request.invalid-fields");
		Map<String, String> apiCodes = new TreeMap<>();
		body(api).get("errors").forEach(error -> apiCodes.put(error.get("field").asString(), error.get("code").asString()));
		assertThat(apiCodes).containsEntry("inn", "certificate.agency-inn-check-digit")
			.containsEntry("email", "requisites.email-invalid").containsKey("fullName");
		assertThat(body(api).get("errors").get(0).get("message").asString()).doesNotContainPattern("[а-яА-Я]");
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		@SuppressWarnings("unchecked")
		Map<String, Rejected> pageErrors = (Map<String, Rejected>) page.getModelAndView().getModel().get("errors");
		Map<String, String> pageCodes = new TreeMap<>();
		pageErrors.forEach((field, rejected) -> pageCodes.put(field, rejected.code()));
		assertThat(apiCodes).isEqualTo(pageCodes);
		assertThat(requisites.profile(agency.tenant().id())).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'REQUISITES_CHANGED'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void thePagesSaveIsAuditedToo() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		mvc.perform(post("/requisites").with(user(fixtures.admin(agency))).with(csrf()).param("fullName", "ООО «Альфа»")
			.param("inn", "7707083893").param("ogrn", "1027700132195").param("address", "Москва")
			.param("phone", "+7 495 000-00-00")).andReturn();

		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'REQUISITES_CHANGED' and actor like 'user:%'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBrokerHasNoRequisitesRoute() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		MvcResult read = mvc.perform(get("/api/v1/requisites").header("Authorization", "Bearer " + broker.apiKey().secret()))
			.andReturn();
		MvcResult write = mvc.perform(put("/api/v1/requisites").header("Authorization", "Bearer " + broker.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content(GOOD)).andReturn();

		assertThat(read.getResponse().getStatus()).isEqualTo(404);
		assertThat(write.getResponse().getStatus()).isEqualTo(404);
		assertThat(requisites.profile(broker.tenant().id())).isEmpty();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
