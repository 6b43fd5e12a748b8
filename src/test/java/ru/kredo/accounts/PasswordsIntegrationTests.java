package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.PasswordLinks.IssuedLink;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** A user changes his own password; an admin resets one or invites a user by a one-time link with a lifetime. */
@IntegrationTest
class PasswordsIntegrationTests {

	private static final String NEW_PASSWORD = "вечерний чай с лимоном";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUserChangesHisPasswordHisOtherSessionsEndAndThisOneGoesOn() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		MockHttpSession laptop = signIn(manager, Fixtures.PASSWORD);
		MockHttpSession phone = signIn(manager, Fixtures.PASSWORD);

		assertThat(page(mvc.perform(get("/account/password").session(laptop)).andExpect(status().isOk()).andReturn()))
			.contains("Текущий пароль");
		MvcResult changed = mvc.perform(post("/account/password").session(laptop).with(csrf())
			.param("currentPassword", Fixtures.PASSWORD).param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();

		assertThat(page(mvc.perform(get("/account/password").session(laptop).flashAttrs(changed.getFlashMap()))
			.andExpect(status().isOk()).andReturn())).contains("Пароль изменён");
		mvc.perform(get("/").session(laptop)).andExpect(status().isOk());
		mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user(manager.email().value()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		signIn(manager, NEW_PASSWORD);
	}

	@Test
	void aWrongChangeNamesEveryWrongFieldAndChangesNothing() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);

		String page = page(mvc.perform(post("/account/password").with(user(fixtures.signedIn(manager.email().value())))
			.with(csrf()).header("Accept-Language", "ru").param("currentPassword", "не тот пароль")
			.param("newPassword", "aaaaaaaa").param("repeatPassword", "bbbbbbbb"))
			.andExpect(status().isUnprocessableContent()).andReturn());

		assertThat(page).contains("Текущий пароль указан неверно.", "Пароли не совпадают.")
			.doesNotContain("не тот пароль", "aaaaaaaa", "bbbbbbbb");
		assertThat(page.split("class=\"invalid-feedback\"", -1)).hasSize(4);
		signIn(manager, Fixtures.PASSWORD);
	}

	/** The organisation's name is on every letter: before, «Тест BROKER 1a2b3c4d» was a good enough password there. */
	@Test
	void theOrganisationsNameIsNoPassword() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		String name = tenant.tenant().name();

		String page = page(mvc.perform(post("/account/password").with(user(fixtures.signedIn(manager.email().value())))
			.with(csrf()).header("Accept-Language", "ru").param("currentPassword", Fixtures.PASSWORD)
			.param("newPassword", name).param("repeatPassword", name))
			.andExpect(status().isUnprocessableContent()).andReturn());

		assertThat(page).contains("id=\"newPassword-error\">Пароль не должен совпадать с почтой пользователя, её частью до «@», "
				+ "его именем или названием организации.");
		signIn(manager, Fixtures.PASSWORD);
	}

	@Test
	void anAdminResetsAPasswordByALinkThatWorksOnceAndEndsTheUsersSessions() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		User manager = fixtures.manager(tenant);
		MockHttpSession session = signIn(manager, Fixtures.PASSWORD);

		IssuedLink link = issued(mvc.perform(post("/users/{id}/password-reset", manager.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(redirectedUrl("/users/" + manager.id().value()))
			.andReturn());
		assertThat(link.purpose()).isEqualTo(PasswordLinks.Purpose.RESET);
		assertThat(link.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
		String path = link.address().getPath();
		assertThat(storedTokens(manager)).doesNotContain(path.substring(path.lastIndexOf('/') + 1))
			.contains(sha256(path.substring(path.lastIndexOf('/') + 1)));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		assertThat(page(mvc.perform(get(path)).andExpect(status().isOk()).andReturn())).contains(manager.email().value());
		mvc.perform(post(path).with(csrf()).param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"));

		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
		signIn(manager, NEW_PASSWORD);
		mvc.perform(get(path)).andExpect(status().isGone());
		mvc.perform(post(path).with(csrf()).param("newPassword", "другой длинный пароль")
			.param("repeatPassword", "другой длинный пароль")).andExpect(status().isGone());
		signIn(manager, NEW_PASSWORD);
	}

	@Test
	void anAdminInvitesAUserWhoSetsHisPasswordByTheLinkAndCannotSignInBefore() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kredo";

		MvcResult invited = mvc.perform(post("/users/invite").with(user(fixtures.admin(tenant))).with(csrf())
			.param("displayName", "Ольга Новикова").param("email", email).param("role", "MANAGER"))
			.andExpect(redirectedUrlPattern("/users/*"))
			.andReturn();
		IssuedLink link = issued(invited);
		assertThat(link.purpose()).isEqualTo(PasswordLinks.Purpose.INVITE);
		assertThat(link.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(73)));
		assertThat(invited.getResponse().getRedirectedUrl()).doesNotContain(link.address().getPath());
		assertThat(page(mvc.perform(get(invited.getResponse().getRedirectedUrl()).with(user(fixtures.admin(tenant)))
			.flashAttrs(invited.getFlashMap())).andReturn())).contains(link.address().toString());

		String path = link.address().getPath();
		mvc.perform(formLogin("/login").user(email).password(NEW_PASSWORD)).andExpect(redirectedUrl("/login?error"));
		String refused = page(mvc.perform(post(path).with(csrf()).header("Accept-Language", "ru")
			.param("newPassword", "password").param("repeatPassword", "другое"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(refused).contains("Пароли не совпадают.");
		mvc.perform(post(path).with(csrf()).param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"));

		mvc.perform(formLogin("/login").user(email).password(NEW_PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(post(path).with(csrf()).param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().isGone());
	}

	@Test
	void anExpiredLinkOrOneReplacedByANewerOneDoesNotWork() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		IssuedLink first = issued(mvc.perform(post("/users/{id}/password-reset", manager.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf())).andReturn());
		IssuedLink second = issued(mvc.perform(post("/users/{id}/password-reset", manager.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf())).andReturn());

		String gone = page(mvc.perform(get(first.address().getPath()).header("Accept-Language", "ru"))
			.andExpect(status().isGone()).andReturn());
		assertThat(gone).contains("Ссылка больше не действует", "Попросите администратора");
		mvc.perform(get(second.address().getPath())).andExpect(status().isOk());

		jdbc.sql("update password_links set expires_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), manager.id().value())
			.update();
		mvc.perform(get(second.address().getPath())).andExpect(status().isGone());
		mvc.perform(post(second.address().getPath()).with(csrf()).param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andExpect(status().isGone());
		signIn(manager, Fixtures.PASSWORD);
		mvc.perform(get("/password-links/" + "x".repeat(43))).andExpect(status().isGone());
	}

	@Test
	void aManagerCannotResetOrInvite() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		var session = fixtures.signedIn(manager.email().value());

		mvc.perform(post("/users/{id}/password-reset", tenant.admin().id().value()).with(user(session)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/users/invite").with(user(session)).with(csrf()).param("displayName", "Кто-то")
			.param("email", "x-" + UUID.randomUUID() + "@test.kredo").param("role", "ADMIN"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anotherTenantsUserCannotBeReset() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		Provisioned other = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(post("/users/{id}/password-reset", other.admin().id().value()).with(user(fixtures.admin(tenant)))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(storedTokens(other.admin())).isEmpty();
	}

	private MockHttpSession signIn(User user, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.email().value()).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn().getRequest().getSession();
	}

	private static IssuedLink issued(MvcResult result) {
		Map<String, Object> flash = result.getFlashMap();
		assertThat(flash).containsKey("link");
		return (IssuedLink) flash.get("link");
	}

	private java.util.List<String> storedTokens(User user) {
		return jdbc.sql("select encode(token_hash, 'hex') from password_links where user_id = ?")
			.param(user.id().value()).query(String.class).list();
	}

	private static String sha256(String token) throws Exception {
		return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	private static String page(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
