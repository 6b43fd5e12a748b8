package ru.kredo.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class ApiKeysIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("kredo_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aKeyActsForItsTenantUntilRevoked() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String key = tenant.apiKey().secret();

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(tenant.tenant().name()))
			.andExpect(jsonPath("$.kind").value("BROKER"));

		mvc.perform(delete("/api/v1/api-keys/{id}", tenant.apiKey().key().id().value())
			.header("Authorization", "Bearer " + key)).andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").isNotEmpty());

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("api-key.missing-or-invalid"));
	}

	@Test
	void requestsWithoutAValidKeyAreRefusedWithAProblem() throws Exception {
		for (String header : List.of("", "Bearer ", "Bearer kredo_nonsense", "Basic YWRtaW46YWRtaW4=")) {
			mvc.perform(get("/api/v1/contacts").header("Authorization", header))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("api-key.missing-or-invalid"));
		}
	}

	@Test
	void theSecretIsStoredOnlyAsAHash() {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		String secret = tenant.apiKey().secret();

		Map<String, Object> row = jdbc.sql("select * from api_keys where id = ?")
			.param(tenant.apiKey().key().id().value())
			.query()
			.singleRow();

		assertThat(row.values()).allSatisfy(value -> {
			String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
			assertThat(text).doesNotContain(secret.substring(12));
		});
		assertThat(row.get("prefix")).isEqualTo(secret.substring(0, 12));
	}

	@Test
	void anAdminSeesANewKeyOnceThenOnlyItsPrefix() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		var issued = mvc.perform(post("/api-keys").param("name", "CRM Битрикс24")
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String issuedPage = mvc.perform(get("/api-keys").with(user(fixtures.admin(tenant))).flashAttrs(issued.getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		Matcher shown = SECRET.matcher(issuedPage);
		assertThat(shown.find()).as("the new key is on the page").isTrue();

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + shown.group()))
			.andExpect(status().isOk());
		String listPage = mvc.perform(get("/api-keys").with(user(fixtures.admin(tenant))))
			.andReturn().getResponse().getContentAsString();
		assertThat(listPage).contains("CRM Битрикс24").doesNotContain(shown.group());
	}

	@Test
	void aManagerCannotManageKeys() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		mvc.perform(get("/api-keys").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/api-keys").param("name", "x").with(user(manager)).with(csrf())).andExpect(status().isForbidden());
	}

	@Autowired
	UserAccounts accounts;

	@Test
	void aKeyStopsWorkingOnceItsIssuerIsDisabledAndStaysRevoked() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User second = secondAdmin(tenant);
		String key = issueOnThePage(second, "Ключ второго");
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key)).andExpect(status().isOk());

		accounts.setEnabled(tenant.tenant().id(), second.id(), false, tenant.admin().id());

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
		accounts.setEnabled(tenant.tenant().id(), second.id(), true, tenant.admin().id());
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + tenant.apiKey().secret()))
			.andExpect(status().isOk());
	}

	@Test
	void aDemotedAdminsKeysAreRevoked() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		User second = secondAdmin(tenant);
		String key = issueOnThePage(second, "Ключ до понижения");

		accounts.changeRole(tenant.tenant().id(), second.id(), Role.MANAGER, tenant.admin().id());

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from api_keys where issued_by = ? and revoked_at is null")
			.param(second.id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void aKeyWhoseIssuerWasDisabledBehindKredosBackDoesNotWork() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User second = secondAdmin(tenant);
		String key = issueOnThePage(second, "Ключ");

		jdbc.sql("update users set enabled = false where id = ?").param(second.id().value()).update();

		mvc.perform(get("/api/v1/tenant").header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
	}

	@Test
	void theKeysPageAndTheApiNameTheIssuer() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User second = secondAdmin(tenant);
		issueOnThePage(second, "Ключ с автором");

		String page = mvc.perform(get("/api-keys").with(user(fixtures.admin(tenant))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Выпустил").contains(second.displayName())
			.as("the command line's first key").contains("неизвестно");
		mvc.perform(get("/api/v1/api-keys").header("Authorization", "Bearer " + tenant.apiKey().secret()))
			.andExpect(jsonPath("$.items[?(@.name == 'Ключ с автором')].issuedBy.displayName").value(second.displayName()))
			.andExpect(jsonPath("$.items[?(@.name == 'Первый ключ')].issuedBy").value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
	}

	private User secondAdmin(Provisioned tenant) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(tenant.tenant().id(),
				new NewUser("second-" + unique + "@test.kredo", "Второй Админ " + unique, Role.ADMIN, Fixtures.PASSWORD));
	}

	private String issueOnThePage(User admin, String name) throws Exception {
		var issued = mvc.perform(post("/api-keys").param("name", name)
			.with(user(fixtures.signedIn(admin.email().value()))).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();
		String page = mvc.perform(get("/api-keys").with(user(fixtures.signedIn(admin.email().value())))
			.flashAttrs(issued.getFlashMap())).andReturn().getResponse().getContentAsString();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the issued key on the page").isTrue();
		return secret.group();
	}
}
