package ru.kredo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.PasswordLinks.IssuedLink;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * What keeps one staff account from being taken by another person: no admin resets another admin's password, the
 * current password cannot be guessed without limit on «Сменить пароль»; and an invited user is shown as invited until
 * he sets his password, with a way to send his link again.
 */
@IntegrationTest
class AccountSafetyIntegrationTests {

	private static final String NEW_PASSWORD = "вечерний чай с лимоном";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PasswordLinks links;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminCannotIssueAResetLinkForAnotherAdminEvenByPostingDirectly() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User other = admin(tenant);

		MvcResult refused = mvc.perform(post("/users/{id}/password-reset", other.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf()))
			.andExpect(redirectedUrl("/users/" + other.id().value()))
			.andReturn();

		assertThat((java.util.Map<String, Object>) refused.getFlashMap()).doesNotContainKey("link");
		assertThat(((Rejected) refused.getFlashMap().get("problem")).code()).isEqualTo("user.reset-admin-not-allowed");
		assertThat(links(other)).isZero();
		// The page offers no such button, and says who resets an admin's password.
		String page = page(mvc.perform(get("/users/{id}", other.id().value()).with(user(fixtures.admin(tenant)))
			.header("Accept-Language", "ru")).andReturn());
		assertThat(page).doesNotContain("/password-reset").contains("оператор платформы");

		// Nor by demoting him first: a manager who was an admin is reset by the operator alone.
		mvc.perform(post("/users/{id}/role", other.id().value()).param("role", "MANAGER")
			.with(user(fixtures.admin(tenant))).with(csrf())).andExpect(redirectedUrl("/users/" + other.id().value()));
		MvcResult demoted = mvc.perform(post("/users/{id}/password-reset", other.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf())).andReturn();
		assertThat((java.util.Map<String, Object>) demoted.getFlashMap()).doesNotContainKey("link");
		assertThat(((Rejected) demoted.getFlashMap().get("problem")).code()).isEqualTo("user.reset-admin-not-allowed");
		assertThat(links(other)).isZero();

		// A manager's password an admin still resets; an admin's, the platform's operator (the command line).
		User manager = fixtures.manager(tenant);
		assertThat(mvc.perform(post("/users/{id}/password-reset", manager.id().value())
			.with(user(fixtures.admin(tenant))).with(csrf())).andReturn().getFlashMap().get("link")).isNotNull();
		IssuedLink byOperator = links.resetByOperator(other.email().value());
		assertThat(byOperator.user().id()).isEqualTo(other.id());
	}

	@Test
	void guessingTheCurrentPasswordIsLimitedPerUserWithAClearMessage() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(tenant);
		UserDetails session = fixtures.signedIn(manager.email().value());

		// A new password refused by the policy costs no try: only wrong current passwords count.
		for (int i = 0; i < 6; i++) {
			mvc.perform(post("/account/password").with(user(session)).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "12345678").param("repeatPassword", "12345678"))
				.andExpect(status().isUnprocessableContent());
		}
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/account/password").with(user(session)).with(csrf()).with(address("198.51.100." + i))
				.param("currentPassword", "угадываю-" + i).param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD))
				.andExpect(status().isUnprocessableContent());
		}

		// The sixth guess, even the right password from yet another address, is not checked at all.
		String ru = page(mvc.perform(post("/account/password").with(user(session)).with(csrf())
			.with(address("198.51.100.99")).header("Accept-Language", "ru").param("currentPassword", Fixtures.PASSWORD)
			.param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().isTooManyRequests()).andReturn());
		assertThat(ru).contains("Слишком много попыток ввести текущий пароль. Попробуйте снова через 15 минут.");
		String en = page(mvc.perform(post("/account/password").with(user(session)).with(csrf())
			.cookie(new jakarta.servlet.http.Cookie("kredo-lang", "en")).param("currentPassword", Fixtures.PASSWORD)
			.param("newPassword", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().isTooManyRequests()).andReturn());
		assertThat(en).contains("Too many tries of the current password. Try again in 15 minutes.");
		assertThat(accounts.current(new SignedInUser(manager.id(), tenant.tenant().id(), TenantKind.BROKER,
				tenant.tenant().name(), manager.displayName(), manager.email().value(), manager.role(), true,
				hash(manager)))).isPresent();

		// Another user is not held back by this one's guesses.
		User colleague = fixtures.manager(tenant);
		mvc.perform(post("/account/password").with(user(fixtures.signedIn(colleague.email().value()))).with(csrf())
			.param("currentPassword", Fixtures.PASSWORD).param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void guessingFromOneAddressIsLimitedWhateverTheUser() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String address = "203.0.113." + (1 + (int) (Math.random() * 200));
		for (int i = 0; i < 20; i++) {
			User manager = fixtures.manager(tenant);
			mvc.perform(post("/account/password").with(user(fixtures.signedIn(manager.email().value()))).with(csrf())
				.with(address(address)).param("currentPassword", "угадываю").param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD))
				.andExpect(status().isUnprocessableContent());
		}
		User fresh = fixtures.manager(tenant);
		mvc.perform(post("/account/password").with(user(fixtures.signedIn(fresh.email().value()))).with(csrf())
			.with(address(address)).param("currentPassword", Fixtures.PASSWORD).param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void anInvitedUserIsShownAsInvitedWithTheLinksExpiryAndTheLinkCanBeSentAgain() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(tenant);
		String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kredo";
		IssuedLink first = links.invite(tenant.tenant().id(), email, "Ольга Новикова", Role.MANAGER, tenant.admin().id());
		User invited = first.user();

		String list = page(mvc.perform(get("/users").with(user(admin)).header("Accept-Language", "ru")).andReturn());
		String row = row(list, email);
		assertThat(row).contains("Приглашён", "ссылка действует до", "/users/" + invited.id().value() + "/invite-again")
			.doesNotContain("Активен");
		assertThat(row(list, tenant.admin().email().value())).contains("Активен").doesNotContain("Приглашён");
		assertThat(row(page(mvc.perform(get("/users").with(user(admin)).cookie(new jakarta.servlet.http.Cookie("kredo-lang", "en"))).andReturn()), email))
			.contains("Invited", "the link works until").doesNotContain("Active");

		MvcResult again = mvc.perform(post("/users/{id}/invite-again", invited.id().value()).with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/users/" + invited.id().value()))
			.andReturn();
		IssuedLink second = (IssuedLink) again.getFlashMap().get("link");
		assertThat(second.purpose()).isEqualTo(PasswordLinks.Purpose.INVITE);
		assertThat(links.open(tokenOf(first))).isEmpty();
		assertThat(links.open(tokenOf(second))).isPresent();

		// An expired invitation says so, and is still offered again.
		jdbc.sql("update password_links set expires_at = now() - interval '1 minute' where user_id = ?")
			.param(invited.id().value()).update();
		assertThat(row(page(mvc.perform(get("/users").with(user(admin)).header("Accept-Language", "ru")).andReturn()), email))
			.contains("Приглашён", "ссылка истекла", "/invite-again");

		// Once he has set his password he is active, and the invitation is not sent again.
		IssuedLink third = links.inviteAgain(tenant.tenant().id(), invited.id(), tenant.admin().id());
		links.use(tokenOf(third), NEW_PASSWORD, NEW_PASSWORD);
		assertThat(row(page(mvc.perform(get("/users").with(user(admin)).header("Accept-Language", "ru")).andReturn()), email))
			.contains("Активен").doesNotContain("Приглашён", "/invite-again");
		MvcResult refused = mvc.perform(post("/users/{id}/invite-again", invited.id().value()).with(user(admin))
			.with(csrf())).andReturn();
		assertThat((java.util.Map<String, Object>) refused.getFlashMap()).doesNotContainKey("link");
		assertThat(((Rejected) refused.getFlashMap().get("problem")).code()).isEqualTo("user.not-invited");
	}

	@Test
	void aWrongUserFormShowsEveryFieldsErrorAndKeepsWhatWasTyped() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String page = page(mvc.perform(post("/users").with(user(fixtures.admin(tenant))).with(csrf())
			.header("Accept-Language", "ru").param("displayName", "").param("email", "не-почта")
			.param("role", "MANAGER").param("password", "123"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(page).contains("Укажите имя пользователя.", "Укажите правильный адрес электронной почты.",
				"Пароль — не короче 8 символов.", "value=\"не-почта\"")
			.contains("id=\"displayName-error\"", "id=\"email-error\"", "id=\"password-error\"")
			.doesNotContain("value=\"123\"");

		String invite = page(mvc.perform(post("/users/invite").with(user(fixtures.admin(tenant))).with(csrf())
			.header("Accept-Language", "ru").param("displayName", " ").param("email", "ещё-не-почта").param("role", "MANAGER"))
			.andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(invite).contains("id=\"invite-displayName-error\"", "id=\"invite-email-error\"", "value=\"ещё-не-почта\"");
	}

	private User admin(Provisioned tenant) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(tenant.tenant().id(),
				new NewUser("admin2-" + unique + "@test.kredo", "Второй админ " + unique, Role.ADMIN, Fixtures.PASSWORD));
	}

	private long links(User user) {
		return jdbc.sql("select count(*) from password_links where user_id = ?").param(user.id().value())
			.query(Long.class).single();
	}

	private String hash(User user) {
		return jdbc.sql("select password_hash from users where id = ?").param(user.id().value()).query(String.class)
			.single();
	}

	private static String tokenOf(IssuedLink link) {
		String path = link.address().getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** The table row that names this e-mail. */
	private static String row(String page, String email) {
		int at = page.indexOf(">" + email + "<");
		assertThat(at).as(email + " in the list").isPositive();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String page(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
