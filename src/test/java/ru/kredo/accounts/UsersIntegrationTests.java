package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class UsersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Test
	void anAdminAddsAManagerWhoCanThenSignIn() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String unique = UUID.randomUUID().toString().substring(0, 8);

		mvc.perform(post("/users").param("displayName", "Олег Захаров").param("email", "Oleg-" + unique + "@Broker.RU ")
			.param("role", "MANAGER").param("password", "manager-password")
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(redirectedUrl("/users"));

		assertThat(accounts.all(tenant.tenant().id()))
			.anySatisfy(u -> {
				assertThat(u.email().value()).isEqualTo("oleg-" + unique + "@broker.ru");
				assertThat(u.role()).isEqualTo(Role.MANAGER);
			});
		assertThat(fixtures.signedIn("oleg-" + unique + "@broker.ru").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_MANAGER");
	}

	@Test
	void badInputIsExplainedInRussianAndTheFormKeepsWhatWasTyped() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		String page = mvc.perform(post("/users").param("displayName", "Олег").param("email", "oleg-at-broker")
			.param("role", "MANAGER").param("password", "manager-password")
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Укажите правильный адрес электронной почты.", "value=\"oleg-at-broker\"");
	}

	/** Before, a Cyrillic «о» made a second login that reads as the first on every list and in the audit log. */
	@Test
	void aLoginThatPassesForAnotherIsRefusedOnThePageAndByApi() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String lookalike = tenant.admin().email().value().replace("o", "\u043E");

		String page = mvc.perform(post("/users").param("displayName", "Двойник").param("email", lookalike)
			.param("role", "ADMIN").param("password", "manager-password")
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("буквы разных алфавитов");

		mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + tenant.apiKey().secret())
			.contentType("application/json")
			.content("{\"email\":\"" + lookalike + "\",\"displayName\":\"Двойник\",\"role\":\"ADMIN\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"code\":\"user.email-lookalike\"")));
		assertThat(accounts.all(tenant.tenant().id())).extracting(u -> u.email().value()).doesNotContain(lookalike);
	}

	@Test
	void aPasswordOverBcryptsSeventyTwoBytesIsRefusedWithAReasonNotA500() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String password = "пароль".repeat(6) + "x"; // 37 characters, 73 bytes in UTF-8

		String page = mvc.perform(post("/users").param("displayName", "Олег").param("email", "long-" + unique + "@broker.ru")
			.param("role", "MANAGER").param("password", password)
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Пароль — не длиннее 72 байт");
		assertThat(accounts.all(tenant.tenant().id())).noneSatisfy(u -> assertThat(u.email().value()).startsWith("long-"));
	}

	@Test
	void anAdminCannotGiveTheOperatorRoleNorLockThemselvesOut() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		User manager = fixtures.manager(tenant);

		mvc.perform(post("/users/{id}/role", manager.id().value()).param("role", "OPERATOR")
			.with(user(fixtures.admin(tenant))).with(csrf()));
		mvc.perform(post("/users/{id}/enabled", tenant.admin().id().value()).param("enabled", "false")
			.with(user(fixtures.admin(tenant))).with(csrf()));

		assertThat(accounts.get(tenant.tenant().id(), manager.id()).role()).isEqualTo(Role.MANAGER);
		assertThat(accounts.get(tenant.tenant().id(), tenant.admin().id()).enabled()).isTrue();
	}

	@Test
	void aDisabledManagersNextRequestFailsPageAndExportAlike() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		User manager = fixtures.manager(tenant);
		fixtures.contact(tenant);
		UserDetails session = fixtures.signedIn(manager.email().value());
		mvc.perform(get("/contacts").with(user(session))).andExpect(status().isOk());

		accounts.setEnabled(tenant.tenant().id(), manager.id(), false, tenant.admin().id());

		mvc.perform(get("/contacts").with(user(session))).andExpect(redirectedUrl("/login"));
		String export = mvc.perform(get("/contacts/export.csv").with(user(session)))
			.andExpect(redirectedUrl("/login")).andReturn().getResponse().getContentAsString();
		assertThat(export).doesNotContain("Семёнова");
	}

	@Test
	void aDisabledUsersSignedInSessionEndsAtItsNextRequest() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(manager.email().value())
			.password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
		mvc.perform(get("/contacts").session(session)).andExpect(status().isOk());

		accounts.setEnabled(tenant.tenant().id(), manager.id(), false, tenant.admin().id());

		mvc.perform(get("/contacts").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).as("the session is signed out").isTrue();
	}

	@Test
	void aDemotedAdminLosesAdminPagesAtHisNextRequest() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		User second = accounts.create(tenant.tenant().id(),
				new NewUser("second-" + unique + "@test.kredo", "Второй " + unique, Role.ADMIN, Fixtures.PASSWORD));
		UserDetails session = fixtures.signedIn(second.email().value());
		mvc.perform(get("/users").with(user(session))).andExpect(status().isOk());

		accounts.changeRole(tenant.tenant().id(), second.id(), Role.MANAGER, tenant.admin().id());

		mvc.perform(get("/users").with(user(session))).andExpect(status().isForbidden());
		mvc.perform(post("/api-keys").param("name", "После понижения").with(user(session)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/users/{id}/enabled", tenant.admin().id().value()).param("enabled", "false")
			.with(user(session)).with(csrf())).andExpect(status().isForbidden());
		assertThat(accounts.get(tenant.tenant().id(), tenant.admin().id()).enabled()).isTrue();
	}

	@Test
	void weakPasswordsAreRefusedWithAReason() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "weak-" + unique + "@broker.ru";

		for (String weak : new String[] { "12345678", "password", email, "        " }) {
			String page = mvc.perform(post("/users").param("displayName", "Олег Слабый").param("email", email)
				.param("role", "MANAGER").param("password", weak)
				.with(user(fixtures.admin(tenant))).with(csrf()))
				.andExpect(status().isUnprocessableContent())
				.andReturn().getResponse().getContentAsString();
			assertThat(page).containsAnyOf("Пароль слишком простой", "Пароль не должен совпадать",
					"Пароль не может состоять из одних пробелов");
		}
		assertThat(accounts.all(tenant.tenant().id())).noneMatch(u -> u.email().value().equals(email));
	}
}
