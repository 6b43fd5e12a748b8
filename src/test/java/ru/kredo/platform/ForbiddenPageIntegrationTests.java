package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** A page a user may not open says so («Нет доступа»), not «Проверьте введённые данные». */
@IntegrationTest
class ForbiddenPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aManagerOpeningAnAdminsPageIsToldHeHasNoAccessInHisLanguage() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(broker).email().value());

		String russian = errorPage(mvc.perform(get("/users").with(user(manager))).andExpect(status().isForbidden()).andReturn());
		assertThat(russian).contains("Нет доступа", "администратору").doesNotContain("Проверьте введённые данные");

		String english = errorPage(mvc.perform(get("/users").cookie(new Cookie("kredo-lang", "en")).with(user(manager)))
			.andExpect(status().isForbidden()).andReturn());
		assertThat(english).contains("Access denied", "administrator").doesNotContain("Check what you entered");
	}

	@Test
	void aFormSentWithoutItsTokenIsRefusedWithTheSameClearText() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String page = errorPage(mvc.perform(post("/api-keys").param("name", "CRM").with(user(fixtures.admin(broker))))
			.andExpect(status().isForbidden()).andReturn());
		assertThat(page).contains("Нет доступа").doesNotContain("Проверьте введённые данные");
	}

	/** MockMvc does not forward to Boot's error page by itself: render it for the status the request ended with. */
	private String errorPage(MvcResult result) throws Exception {
		if (!result.getResponse().getContentAsString().isEmpty()) {
			return Jsoup.parse(result.getResponse().getContentAsString()).text();
		}
		var request = get("/error").requestAttr("jakarta.servlet.error.status_code", result.getResponse().getStatus())
			.requestAttr("jakarta.servlet.error.request_uri", result.getRequest().getRequestURI());
		for (Cookie cookie : result.getRequest().getCookies() == null ? new Cookie[0] : result.getRequest().getCookies()) {
			request.cookie(cookie);
		}
		return Jsoup.parse(mvc.perform(request.accept("text/html")).andReturn().getResponse().getContentAsString()).text();
	}
}
