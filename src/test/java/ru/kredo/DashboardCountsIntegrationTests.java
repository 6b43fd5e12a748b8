package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** The home page's counters agree with their nouns: «1 пользователь», «2 пользователя», «1 user». */
@IntegrationTest
class DashboardCountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void eachCounterIsWordedForItsNumber() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		fixtures.contact(agency);

		Document one = home(agency, "ru");
		assertThat(one.select("#kpi-users-label").text()).isEqualTo("пользователь");
		assertThat(one.select("#kpi-contacts + a").text()).isEqualTo("должник");
		assertThat(home(agency, "en").select("#kpi-users-label").text()).isEqualTo("user");

		fixtures.manager(agency);
		assertThat(home(agency, "ru").select("#kpi-users-label").text()).isEqualTo("пользователя");
		assertThat(home(agency, "en").select("#kpi-users-label").text()).isEqualTo("users");
	}

	private Document home(Provisioned tenant, String language) throws Exception {
		return Jsoup.parse(mvc.perform(get("/").cookie(new Cookie("kredo-lang", language)).with(user(fixtures.admin(tenant))))
			.andReturn().getResponse().getContentAsString());
	}
}
