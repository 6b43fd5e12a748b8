package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/** A tenant admin adjusts the ranking on its page: a cell changed in place, reset to the default, for admins only. */
@IntegrationTest
class RankingPageIntegrationTests {

	private static final String CELL = "#cell-PAUSED-LOAN_CLOSED";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SignalRanking ranking;

	@Autowired
	AuditLog audit;

	@Test
	void theTableShowsTheDefaultsAndACellChangedInPlaceIsMarkedAndRanksForThisTenantOnly() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);

		Element before = page(admin).selectFirst(CELL);
		assertThat(selected(before)).isEqualTo("4");
		assertThat(before.attr("data-overridden")).isEqualTo("false");
		assertThat(selected(page(admin).selectFirst("#cell-PROSPECT-APPLICATION"))).as("PRODUCT.md: call today").isEqualTo("1");

		MockHttpServletResponse cell = mvc.perform(htmx(post("/signals/ranking"), admin).param("segment", "PAUSED")
			.param("eventType", "LOAN_CLOSED").param("priority", "1")).andReturn().getResponse();

		assertThat(cell.getStatus()).isEqualTo(200);
		assertThat(cell.getContentAsString()).startsWith("<td").doesNotContain("<html");
		Element swapped = Jsoup.parseBodyFragment("<table><tr>" + cell.getContentAsString() + "</tr></table>").selectFirst(CELL);
		assertThat(selected(swapped)).isEqualTo("1");
		assertThat(swapped.attr("data-overridden")).isEqualTo("true");
		assertThat(swapped.text()).contains("по умолчанию 4", "сбросить");
		assertThat(ranking.of(broker.tenant().id()).priority(Segment.PAUSED, CreditEventType.LOAN_CLOSED)).isEqualTo(1);
		assertThat(page(admin).selectFirst(CELL).hasClass("table-warning")).isTrue();
		assertThat(audit.latest(broker.tenant().id(), 5)).anyMatch(e -> e.action() == AuditAction.SIGNAL_PRIORITY_CHANGED
				&& "PAUSED.LOAN_CLOSED".equals(e.objectId()) && "1".equals(e.detail()));

		assertThat(selected(page(fixtures.admin(other)).selectFirst(CELL))).as("another tenant's ranking").isEqualTo("4");
		assertThat(ranking.priority(other.tenant().id(), Segment.PAUSED, CreditEventType.LOAN_CLOSED).overridden()).isFalse();
	}

	@Test
	void anOverrideIsResetToTheDefault() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(collector);
		ranking.override(collector.tenant().id(), Segment.DEBTOR, CreditEventType.BANKRUPTCY, 3);

		String cell = mvc.perform(htmx(post("/signals/ranking/reset"), admin).param("segment", "DEBTOR")
			.param("eventType", "BANKRUPTCY")).andReturn().getResponse().getContentAsString();

		Element swapped = Jsoup.parseBodyFragment("<table><tr>" + cell + "</tr></table>").selectFirst("#cell-DEBTOR-BANKRUPTCY");
		assertThat(selected(swapped)).isEqualTo("1");
		assertThat(swapped.attr("data-overridden")).isEqualTo("false");
		assertThat(swapped.select("form[action$=/reset]")).isEmpty();
		assertThat(ranking.priority(collector.tenant().id(), Segment.DEBTOR, CreditEventType.BANKRUPTCY))
			.isEqualTo(new Priority(Segment.DEBTOR, CreditEventType.BANKRUPTCY, 1, 1, false));
	}

	@Test
	void withoutScriptsTheFormPostsAndThePageReloadsWithANotice() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);

		MockHttpServletResponse response = mvc.perform(post("/signals/ranking").param("segment", "ACTIVE")
			.param("eventType", "TERMS_CHANGED").param("priority", "2").with(user(admin)).with(csrf()))
			.andReturn().getResponse();

		assertThat(response.getRedirectedUrl()).isEqualTo("/signals/ranking");
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(ranking.priority(broker.tenant().id(), Segment.ACTIVE, CreditEventType.TERMS_CHANGED).value()).isEqualTo(2);
	}

	@Test
	void aManagerMayNeitherSeeNorChangeTheRanking() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());

		assertThat(mvc.perform(get("/signals/ranking").with(user(manager))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(htmx(post("/signals/ranking"), manager).param("segment", "PAUSED")
			.param("eventType", "LOAN_CLOSED").param("priority", "1")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(htmx(post("/signals/ranking/reset"), manager).param("segment", "PAUSED")
			.param("eventType", "LOAN_CLOSED")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(ranking.priority(broker.tenant().id(), Segment.PAUSED, CreditEventType.LOAN_CLOSED).overridden()).isFalse();
		assertThat(mvc.perform(get("/signals").with(user(manager))).andReturn().getResponse().getContentAsString())
			.doesNotContain("/signals/ranking");
	}

	@Test
	void aPriorityOutsideOneToFiveIsRefusedInTheCellAndNothingChanges() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);

		for (String bad : new String[] { "0", "6", "abc", "" }) {
			String cell = mvc.perform(htmx(post("/signals/ranking"), admin).param("segment", "PROSPECT")
				.param("eventType", "APPLICATION").param("priority", bad)).andReturn().getResponse().getContentAsString();

			assertThat(cell).as(bad).contains("Срочность — от 1 (действовать сегодня) до 5 (для сведения).");
			assertThat(selected(Jsoup.parseBodyFragment("<table><tr>" + cell + "</tr></table>")
				.selectFirst("#cell-PROSPECT-APPLICATION"))).isEqualTo("1");
		}
		MvcResult plain = mvc.perform(post("/signals/ranking").param("segment", "PROSPECT")
			.param("eventType", "APPLICATION").param("priority", "9").with(user(admin)).with(csrf())).andReturn();
		assertThat(plain.getResponse().getRedirectedUrl()).isEqualTo("/signals/ranking");
		assertThat(plain.getFlashMap().get("problem")).isInstanceOfSatisfying(Rejected.class,
				problem -> assertThat(problem.code()).isEqualTo("signal.priority-invalid"));
		assertThat(ranking.priority(broker.tenant().id(), Segment.PROSPECT, CreditEventType.APPLICATION).overridden()).isFalse();
	}

	private Document page(UserDetails who) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/signals/ranking").with(user(who))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, UserDetails who) {
		return request.header("HX-Request", "true").with(user(who)).with(csrf());
	}

	private static String selected(Element cell) {
		return cell.selectFirst("select[name=priority] option[selected]").attr("value");
	}
}
