package ru.kredo.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
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
import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * The tenant's users by API (issue 15): invited with a role, role changed, access switched off, with the page's rules
 * and codes, audited; a key never changes the admin who issued it nor leaves the tenant without an admin; another
 * tenant's user is a 404.
 */
@IntegrationTest
class UsersApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aUserInvitedByTheApiGetsHisLinkOnceAndIsPromotedAndSwitchedOffAudited() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		String email = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.ru";

		MvcResult invited = mvc.perform(api(post("/api/v1/users"), tenant.apiKey().secret())
			.content("{\"email\":\"" + email + "\",\"displayName\":\"Анна Петрова\",\"role\":\"MANAGER\"}")).andReturn();

		assertThat(invited.getResponse().getStatus()).as(body(invited).toString()).isEqualTo(201);
		UUID id = UUID.fromString(body(invited).get("user").get("id").asString());
		assertThat(body(invited).get("invitationLink").asString()).contains("/password-links/");
		assertThat(body(invited).get("user").get("role").asString()).isEqualTo("MANAGER");
		assertThat(accounts.awaitingPassword(tenant.tenant().id(), new UserId(id))).isTrue();

		MvcResult promoted = mvc.perform(api(put("/api/v1/users/{id}/role", id), tenant.apiKey().secret())
			.content("{\"role\":\"ADMIN\"}")).andReturn();
		assertThat(promoted.getResponse().getStatus()).as(body(promoted).toString()).isEqualTo(200);
		assertThat(accounts.get(tenant.tenant().id(), new UserId(id)).role()).isEqualTo(Role.ADMIN);
		MvcResult off = mvc.perform(api(put("/api/v1/users/{id}/enabled", id), tenant.apiKey().secret())
			.content("{\"enabled\":false}")).andReturn();
		assertThat(body(off).get("enabled").asBoolean()).isFalse();
		assertThat(accounts.get(tenant.tenant().id(), new UserId(id)).enabled()).isFalse();

		assertThat(jdbc.sql("""
				select action || ' ' || detail from audit_events where tenant_id = ? and object_id = ? and actor like 'api-key:%'
				order by id""").params(tenant.tenant().id().value(), id.toString()).query(String.class).list())
			.containsExactly("USER_CREATED invited:MANAGER", "USER_CHANGED role:ADMIN", "USER_CHANGED enabled:false");
	}

	@Test
	void thePageAndTheApiRefuseTheSameBadUserWithTheSameCodes() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String taken = tenant.admin().email().value();

		MvcResult api = mvc.perform(api(post("/api/v1/users"), tenant.apiKey().secret()).header("Accept-Language", "en")
			.content("{\"email\":\"not-an-address\",\"displayName\":\" \"}")).andReturn();
		MvcResult page = mvc.perform(post("/users/invite").with(user(fixtures.admin(tenant))).with(csrf())
			.param("email", "not-an-address").param("displayName", " ")).andReturn();
		MvcResult apiTaken = mvc.perform(api(post("/api/v1/users"), tenant.apiKey().secret())
			.content("{\"email\":\"" + taken + "\",\"displayName\":\"Двойник\",\"role\":\"MANAGER\"}")).andReturn();
		MvcResult operator = mvc.perform(api(post("/api/v1/users"), tenant.apiKey().secret())
			.content("{\"email\":\"op@agency.ru\",\"displayName\":\"Оператор\",\"role\":\"OPERATOR\"}")).andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(400);
		Map<String, String> apiCodes = codes(body(api));
		assertThat(apiCodes).containsEntry("email", "user.email-invalid").containsEntry("displayName", "user.name-required")
			.containsEntry("role", "user.role-required");
		assertThat(body(api).get("errors").get(0).get("message").asString()).doesNotContainPattern("[а-яА-Я]");
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		@SuppressWarnings("unchecked")
		Map<String, Rejected> pageErrors = (Map<String, Rejected>) page.getModelAndView().getModel().get("inviteErrors");
		Map<String, String> pageCodes = new TreeMap<>();
		pageErrors.forEach((field, rejected) -> pageCodes.put(field, rejected.code()));
		assertThat(apiCodes).isEqualTo(pageCodes);
		assertThat(codes(body(apiTaken))).containsEntry("email", "user.email-taken");
		assertThat(codes(body(operator))).containsEntry("role", "user.role-not-allowed");
		assertThat(accounts.count(tenant.tenant().id())).isEqualTo(1);
	}

	@Test
	void aKeyNeverLeavesTheTenantWithoutAnAdminNorChangesTheAdminWhoIssuedIt() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		UserId admin = tenant.admin().id();

		// The command line's key stands for no user: the tenant's only admin is still not taken from it.
		MvcResult demoted = mvc.perform(api(put("/api/v1/users/{id}/role", admin.value()), tenant.apiKey().secret())
			.content("{\"role\":\"MANAGER\"}")).andReturn();
		MvcResult disabled = mvc.perform(api(put("/api/v1/users/{id}/enabled", admin.value()), tenant.apiKey().secret())
			.content("{\"enabled\":false}")).andReturn();

		assertThat(demoted.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(demoted).get("code").asString()).isEqualTo("user.last-admin");
		assertThat(body(disabled).get("code").asString()).isEqualTo("user.last-admin");
		User still = accounts.get(tenant.tenant().id(), admin);
		assertThat(still.role()).isEqualTo(Role.ADMIN);
		assertThat(still.enabled()).isTrue();

		// A key an admin issued acts with his powers: it does not change him, as he cannot change himself on the page.
		User second = accounts.changeRole(tenant.tenant().id(), fixtures.manager(tenant).id(), Role.ADMIN, null);
		String his = keys.issue(tenant.tenant().id(), "CRM", "user:" + admin, admin).secret();
		MvcResult self = mvc.perform(api(put("/api/v1/users/{id}/enabled", admin.value()), his)
			.content("{\"enabled\":false}")).andReturn();
		assertThat(body(self).get("code").asString()).isEqualTo("user.cannot-change-self");
		// Another admin it may demote, now that one stays.
		MvcResult other = mvc.perform(api(put("/api/v1/users/{id}/role", second.id().value()), his)
			.content("{\"role\":\"MANAGER\"}")).andReturn();
		assertThat(other.getResponse().getStatus()).as(body(other).toString()).isEqualTo(200);
		assertThat(accounts.get(tenant.tenant().id(), second.id()).role()).isEqualTo(Role.MANAGER);
	}

	/**
	 * The page's «Отправить приглашение ещё раз» and «Сбросить пароль» by API (issue 15: every page action has an API
	 * counterpart): a new link for an invited user, a reset link for a manager — each answered once and audited as the
	 * page's — and the page's refusals: no invitation for a user who set his password, no reset of an admin's, nor of
	 * a manager who was one (the key has an admin's powers, never the operator's).
	 */
	@Test
	void anInvitationIsSentAgainAndAManagersPasswordResetByTheApiAsOnThePage() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String key = tenant.apiKey().secret();
		String email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.ru";
		UUID invited = UUID.fromString(body(mvc.perform(api(post("/api/v1/users"), key)
			.content("{\"email\":\"" + email + "\",\"displayName\":\"Поздний\",\"role\":\"MANAGER\"}")).andReturn())
			.get("user").get("id").asString());
		User manager = fixtures.manager(tenant);
		User demoted = fixtures.manager(tenant);
		accounts.changeRole(tenant.tenant().id(), demoted.id(), Role.ADMIN, null);
		accounts.changeRole(tenant.tenant().id(), demoted.id(), Role.MANAGER, null);

		MvcResult again = mvc.perform(api(post("/api/v1/users/{id}/invitation", invited), key)).andReturn();
		assertThat(again.getResponse().getStatus()).as(body(again).toString()).isEqualTo(200);
		assertThat(body(again).get("link").asString()).contains("/password-links/");
		assertThat(body(again).get("user").get("id").asString()).isEqualTo(invited.toString());
		MvcResult reset = mvc.perform(api(post("/api/v1/users/{id}/password-link", manager.id().value()), key)).andReturn();
		assertThat(reset.getResponse().getStatus()).as(body(reset).toString()).isEqualTo(200);
		assertThat(body(reset).get("link").asString()).contains("/password-links/");

		MvcResult notInvited = mvc.perform(api(post("/api/v1/users/{id}/invitation", manager.id().value()), key))
			.andReturn();
		assertThat(notInvited.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(notInvited).get("code").asString()).isEqualTo("user.not-invited");
		for (UUID admin : new UUID[] { tenant.admin().id().value(), demoted.id().value() }) {
			MvcResult refused = mvc.perform(api(post("/api/v1/users/{id}/password-link", admin), key)).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			assertThat(body(refused).get("code").asString()).isEqualTo("user.reset-admin-not-allowed");
		}
		MvcResult stranger = mvc.perform(api(post("/api/v1/users/{id}/password-link", manager.id().value()),
				fixtures.tenant(TenantKind.BROKER).apiKey().secret())).andReturn();
		assertThat(stranger.getResponse().getStatus()).isEqualTo(404);

		assertThat(jdbc.sql("""
				select detail from audit_events where tenant_id = ? and actor like 'api-key:%' and action = 'USER_CHANGED'
				order by id""").param(tenant.tenant().id().value()).query(String.class).list())
			.containsExactly("invitation-sent-again", "password-reset-link");
	}

	@Test
	void anotherTenantsUserIsNotFound() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);

		for (MockHttpServletRequestBuilder call : new MockHttpServletRequestBuilder[] {
				get("/api/v1/users/{id}", manager.id().value()),
				put("/api/v1/users/{id}/role", manager.id().value()).content("{\"role\":\"ADMIN\"}"),
				put("/api/v1/users/{id}/enabled", manager.id().value()).content("{\"enabled\":false}") }) {
			MvcResult refused = mvc.perform(api(call, other.apiKey().secret())).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(404);
			assertThat(body(refused).get("code").asString()).isEqualTo("user.not-found");
		}
		User same = accounts.get(tenant.tenant().id(), manager.id());
		assertThat(same.role()).isEqualTo(Role.MANAGER);
		assertThat(same.enabled()).isTrue();
	}

	@Test
	void theOpenApiDescribesEveryUserRequisitesAndOfferRuleOperationWithAnExample() throws Exception {
		JsonNode paths = body(mvc.perform(get("/v3/api-docs")).andReturn()).get("paths");
		java.util.List<String> operations = new java.util.ArrayList<>();
		java.util.List<String> withoutExample = new java.util.ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/users") && !path.startsWith("/api/v1/requisites")
					&& !path.startsWith("/api/v1/offer-rules")) {
				continue;
			}
			for (String method : paths.get(path).propertyNames()) {
				operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
				if (!paths.get(path).get(method).get("responses").toString().contains("\"examples\"")) {
					withoutExample.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
				}
			}
		}
		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/users", "POST /api/v1/users",
				"GET /api/v1/users/{id}", "PUT /api/v1/users/{id}/role", "PUT /api/v1/users/{id}/enabled",
				"POST /api/v1/users/{id}/invitation", "POST /api/v1/users/{id}/password-link", "GET /api/v1/requisites", "PUT /api/v1/requisites", "GET /api/v1/offer-rules", "POST /api/v1/offer-rules",
				"GET /api/v1/offer-rules/{id}", "PUT /api/v1/offer-rules/{id}", "DELETE /api/v1/offer-rules/{id}",
				"PUT /api/v1/offer-rules/{id}/enabled");
		assertThat(withoutExample).as("operations without an example").isEmpty();
	}

	private static Map<String, String> codes(JsonNode problem) {
		Map<String, String> codes = new TreeMap<>();
		problem.get("errors").forEach(error -> codes.put(error.get("field").asString(), error.get("code").asString()));
		return codes;
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder call, String key) {
		return call.header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON);
	}

	private JsonNode body(MvcResult result) throws Exception {
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(text.isEmpty() ? "{}" : text);
	}
}
