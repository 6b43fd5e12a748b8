package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.calendar.ProductionCalendar.YearSource;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** The home page's counters agree with their nouns: «1 пользователь», «2 пользователя», «1 user». */
@IntegrationTest
class DashboardCountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

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

	/** The platform operator sees whether this year's and next year's days come from a decree (docs/calendar.md). */
	@Test
	void thePlatformOperatorSeesWhichYearsHaveADecree() throws Exception {
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		int thisYear = calendar.today().getYear();
		Document ru = home(operator, "ru");
		Document en = home(operator, "en");
		for (int year = thisYear; year <= thisYear + 1; year++) {
			YearSource source = calendar.days().source(year);
			String russian = ru.select("#calendar-" + year).text();
			String english = en.select("#calendar-" + year).text();
			if (source.provisional()) {
				assertThat(russian).startsWith(year + " — предварительный").contains(year + ".txt");
				assertThat(english).startsWith(year + " — provisional").contains(year + ".txt");
			}
			else {
				assertThat(russian).startsWith(year + " — по постановлению: " + source.decree().orElseThrow())
					.endsWith("рабочих дней: " + source.workingDays());
				assertThat(english).startsWith(year + " — by decree: ");
			}
		}
		// An agency's admin does not.
		assertThat(home(fixtures.admin(fixtures.tenant(TenantKind.COLLECTOR)), "ru").select("#production-calendar"))
			.isEmpty();
	}

	private Document home(Provisioned tenant, String language) throws Exception {
		return home(fixtures.admin(tenant), language);
	}

	private Document home(UserDetails who, String language) throws Exception {
		return Jsoup.parse(mvc.perform(get("/").cookie(new Cookie("kredo-lang", language)).with(user(who)))
			.andReturn().getResponse().getContentAsString());
	}
}
