package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Укажите правильный адрес электронной почты.", "value=\"oleg-at-broker\"");
	}

	@Test
	void aPasswordOverBcryptsSeventyTwoBytesIsRefusedWithAReasonNotA500() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String password = "пароль".repeat(6) + "x"; // 37 characters, 73 bytes in UTF-8

		String page = mvc.perform(post("/users").param("displayName", "Олег").param("email", "long-" + unique + "@broker.ru")
			.param("role", "MANAGER").param("password", password)
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(status().isOk())
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
}
