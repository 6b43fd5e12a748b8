package ru.kredo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	UserAccounts accounts;

	@Test
	void aUserSignsInAndTheSignInIsAudited() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(formLogin("/login").user(tenant.admin().email().value()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(SecurityMockMvcResultMatchers.authenticated());

		assertThat(audit.latest(tenant.tenant().id(), 10))
			.anySatisfy(event -> {
				assertThat(event.action()).isEqualTo(AuditAction.SIGNED_IN);
				assertThat(event.actor().id()).isEqualTo("user:" + tenant.admin().id());
				assertThat(event.actor().name()).isEqualTo(tenant.admin().displayName());
			});
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(formLogin("/login").user(tenant.admin().email().value()).password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsAWrongPasswordEvenWhenItsFirst72BytesAreRight() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		// 36 Cyrillic letters, 72 bytes in UTF-8: the longest password Kredo sets (and not a trivial one).
		String longest = "съешьжеещёэтихмягкихфранцузскихбулок";
		String login = "longest-" + tenant.admin().email().value();
		accounts.create(tenant.tenant().id(), new NewUser(login, "Длинный Пароль", Role.MANAGER, longest));

		// BCrypt reads 72 bytes and no further: without the check, anything after them signed in as well.
		mvc.perform(formLogin("/login").user(login).password(longest + "что угодно"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
		mvc.perform(formLogin("/login").user("nobody-" + login).password(longest + "x".repeat(80)))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
		mvc.perform(formLogin("/login").user(login).password(longest))
			.andExpect(SecurityMockMvcResultMatchers.authenticated());
	}

	@Test
	void guessingAPasswordIsStoppedEvenBeforeTheRightOneArrives() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		String login = tenant.admin().email().value();
		for (int attempt = 0; attempt < 5; attempt++) {
			mvc.perform(formLogin("/login").user(login).password("guess-" + attempt)).andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(formLogin("/login").user(login).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?blocked"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
	}

	@Test
	void writingALoginsIAsTurkishIDoesNotStartItsCountAfresh() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		String login = tenant.admin().email().value();
		for (int attempt = 0; attempt < 5; attempt++) {
			mvc.perform(signIn(login, "guess-" + attempt, "10.20.0.1", null)).andExpect(redirectedUrl("/login?error"));
		}

		for (String variant : new String[] { login.replace("admin", "adm\u0130n"), login.replace("admin", "adm\u0131n"),
				" " + login.toUpperCase(java.util.Locale.ROOT), login.replace("a", "\uFF41") }) {
			mvc.perform(signIn(variant, Fixtures.PASSWORD, "10.20.0.1", null))
				.andExpect(redirectedUrl("/login?blocked"))
				.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
		}
	}

	@Test
	void aStrangersWrongPasswordsDoNotShutTheOwnerOutOfHisOwnBrowser() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		String login = tenant.admin().email().value();
		Cookie browser = mvc.perform(signIn(login, Fixtures.PASSWORD, "10.30.0.1", null))
			.andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie(SignInThrottle.BROWSER_COOKIE);
		assertThat(browser).isNotNull();
		assertThat(browser.isHttpOnly()).isTrue();

		for (int attempt = 0; attempt < 6; attempt++) {
			mvc.perform(signIn(login, "guess-" + attempt, "10.30.0." + (100 + attempt), null));
		}
		mvc.perform(signIn(login, Fixtures.PASSWORD, "10.30.0.200", null)).andExpect(redirectedUrl("/login?blocked"));
		Cookie forged = new Cookie(SignInThrottle.BROWSER_COOKIE, java.util.UUID.randomUUID() + ".forged");
		mvc.perform(signIn(login, Fixtures.PASSWORD, "10.30.0.200", forged)).andExpect(redirectedUrl("/login?blocked"));

		mvc.perform(signIn(login, Fixtures.PASSWORD, "10.30.0.1", browser))
			.andExpect(redirectedUrl("/"))
			.andExpect(SecurityMockMvcResultMatchers.authenticated());
	}

	@Test
	void guessingFromManyAddressesIsStoppedAllTheSame() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		String login = tenant.admin().email().value();
		for (int attempt = 0; attempt < 5; attempt++) {
			mvc.perform(signIn(login, "guess-" + attempt, "10.40.0." + attempt, null)).andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(signIn(login, Fixtures.PASSWORD, "10.40.0.99", null)).andExpect(redirectedUrl("/login?blocked"));
	}

	private static MockHttpServletRequestBuilder signIn(String login, String password, String address, Cookie browser) {
		MockHttpServletRequestBuilder request = post("/login").param("username", login).param("password", password)
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr(address);
				return r;
			});
		return browser == null ? request : request.cookie(browser);
	}

	@Test
	void aDisabledUserCannotSignIn() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.manager(tenant);
		mvc.perform(post("/users/{id}/enabled", manager.id().value()).param("enabled", "false")
			.with(user(fixtures.admin(tenant)))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrl("/users/" + manager.id()));

		mvc.perform(formLogin("/login").user(manager.email().value()).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void pagesNeedASignInAndFormsNeedTheCsrfToken() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(post("/users").param("email", "x@y.ru").param("displayName", "X").param("role", "MANAGER")
			.param("password", "long-enough").with(user(fixtures.admin(tenant))))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void onlyOperatorsReachTheTenantsPage() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(get("/operator/tenants").with(user(fixtures.admin(tenant)))).andExpect(status().isForbidden());
		mvc.perform(get("/operator/tenants").with(user(fixtures.signedIn("operator@kredo.demo")))).andExpect(status().isOk());
	}
}
