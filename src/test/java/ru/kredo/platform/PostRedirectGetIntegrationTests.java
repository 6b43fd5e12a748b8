package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Every staff form that does something answers with a redirect (post/redirect/get): a reload (F5) of the page that
 * follows is a GET and does nothing again; what is shown once (a new key, a new tenant's password) travels in a flash
 * attribute, never in the address.
 */
@IntegrationTest
class PostRedirectGetIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("kredo_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuingAnApiKeyRedirectsSoThatAReloadIssuesNoSecondKeyAndShowsTheSecretNoMore() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(tenant);
		long before = keys(tenant);

		MvcResult issued = mvc.perform(post("/api-keys").param("name", "CRM").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/api-keys"))
			.andReturn();
		assertThat(issued.getResponse().getContentAsString()).doesNotContainPattern(SECRET);

		String shown = page(mvc.perform(get("/api-keys").with(user(admin)).flashAttrs(issued.getFlashMap())).andReturn());
		Matcher secret = SECRET.matcher(shown);
		assertThat(secret.find()).as("the new key is shown on the page after issuing").isTrue();
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + secret.group())).andExpect(status().isOk());

		String reloaded = page(mvc.perform(get("/api-keys").with(user(admin))).andReturn());
		assertThat(reloaded).contains("CRM").doesNotContain(secret.group());
		assertThat(keys(tenant)).isEqualTo(before + 1);
	}

	@Test
	void aRefusedKeyKeepsTheNameTypedAndIssuesNothing() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		long before = keys(tenant);

		String page = page(mvc.perform(post("/api-keys").param("name", "x".repeat(101)).with(user(fixtures.admin(tenant)))
			.with(csrf())).andReturn());

		assertThat(page).contains("value=\"" + "x".repeat(101) + "\"");
		assertThat(keys(tenant)).isEqualTo(before);
	}

	@Test
	void creatingATenantRedirectsAndShowsItsPasswordOnceNeverInTheAddress() throws Exception {
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		String unique = UUID.randomUUID().toString().substring(0, 8);

		MvcResult created = mvc.perform(post("/operator/tenants").param("name", "ООО Тест " + unique).param("kind", "BROKER")
			.param("adminEmail", "prg-" + unique + "@test.kredo").param("adminName", "Анна").with(user(operator)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/operator/tenants"))
			.andReturn();

		String shown = page(mvc.perform(get("/operator/tenants").with(user(operator)).flashAttrs(created.getFlashMap()))
			.andReturn());
		Matcher secret = SECRET.matcher(shown);
		assertThat(secret.find()).isTrue();
		assertThat(page(mvc.perform(get("/operator/tenants").param("q", "ООО Тест " + unique).with(user(operator))).andReturn()))
			.contains("ООО Тест " + unique).doesNotContain(secret.group());
		assertThat(jdbc.sql("select count(*) from tenants where name = ?").param("ООО Тест " + unique).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void uploadingABureauFileRedirectsToItsReport() throws Exception {
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		String event = """
				{"source":"prg","eventId":"%s","type":"2.2","occurredAt":"2026-11-01","subject":{"lastName":"Иванов",
				 "firstName":"Иван","birthDate":"01.01.1980","passport":"4510123456"}}""".formatted(UUID.randomUUID())
			.replace("\n", "");

		MvcResult uploaded = mvc.perform(multipart("/operator/events")
			.file(new MockMultipartFile("file", "bureau.jsonl", "application/x-ndjson", event.getBytes(StandardCharsets.UTF_8)))
			.with(user(operator)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/operator/events"))
			.andReturn();

		assertThat(page(mvc.perform(get("/operator/events").with(user(operator)).flashAttrs(uploaded.getFlashMap()))
			.andReturn())).contains("bureau.jsonl", "ingestion-report");
		assertThat(page(mvc.perform(get("/operator/events").with(user(operator))).andReturn()))
			.doesNotContain("ingestion-report");
	}

	private long keys(Provisioned tenant) {
		return jdbc.sql("select count(*) from api_keys where tenant_id = ?").param(tenant.tenant().id().value())
			.query(Long.class).single();
	}

	private static String page(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
