package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/** An endpoint's state comes from how its deliveries went, and a failed delivery reads as failing, not queued. */
@IntegrationTest
class EndpointHealthIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEndpointThatRefusesEveryDeliveryShowsSoWithItsFailuresAndItsRetries() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			crm.answerAlways(403);
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 2);
			dispatch.dispatchDue(clock.instant());

			Document list = page(broker, "/webhooks");
			String state = list.select("tbody tr").first().select("td").get(2).text();
			assertThat(state).contains("отказывает (403)", "Неудачных попыток подряд: 2", "успешных доставок не было")
				.doesNotContain("работает");

			Document detail = page(broker, "/webhooks/" + endpoint.id().value());
			assertThat(detail.select("#endpoint-health").text()).contains("отказывает (403)").doesNotContain("работает");
			assertThat(detail.select("#deliveries > tbody > tr")).hasSize(2).allSatisfy(row -> {
				assertThat(row.text()).contains("не доставлено, будет повтор", "Новый сигнал").doesNotContain("в очереди",
						"signal.raised");
				assertThat(row.select("> td").get(5).text()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d");
			});
		}
	}

	@Test
	void anEndpointThatAnswersAgainWorksAgain() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver(403)) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			assertThat(page(broker, "/webhooks").select("tbody tr td").get(2).text()).contains("отказывает (403)");

			dispatch.dispatchDue(clock.instant().plusSeconds(3600));

			String state = page(broker, "/webhooks").select("tbody tr td").get(2).text();
			assertThat(state).contains("работает", "Последняя успешная доставка").doesNotContain("отказывает");
		}
	}

	@Test
	void theMigrationFillsAnEndpointsHealthFromItsPastAttemptsAsTheAttemptsThemselvesKeepIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver(403)) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			dispatch.dispatchDue(clock.instant().plusSeconds(3600));
			crm.answerAlways(500);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 2);
			dispatch.dispatchDue(clock.instant().plusSeconds(7200));
			Map<String, Object> kept = health(endpoint);
			assertThat(kept).containsEntry("failures_in_a_row", 1).containsEntry("last_failure_status", 500);
			assertThat(kept.get("last_success_at")).isNotNull();

			jdbc.sql("""
					update webhook_endpoints set last_success_at = null, last_failure_at = null, failures_in_a_row = 0,
					    last_failure_status = null, last_failure_error = null where id = ?""")
				.param(endpoint.id().value()).update();
			String migration = new ClassPathResource("db/migration/V202612061500__webhooks_endpoint_health.sql")
				.getContentAsString(StandardCharsets.UTF_8);
			for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!statement.isBlank() && !statement.strip().startsWith("alter table")) {
					jdbc.sql(statement).update();
				}
			}

			assertThat(health(endpoint)).isEqualTo(kept);
		}
	}

	private Map<String, Object> health(WebhookEndpoint endpoint) {
		return jdbc.sql("""
				select last_success_at, last_failure_at, failures_in_a_row, last_failure_status, last_failure_error
				from webhook_endpoints where id = ?""").param(endpoint.id().value()).query().singleRow();
	}

	private Document page(Provisioned tenant, String path) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(fixtures.admin(tenant)))).andReturn().getResponse()
			.getContentAsString());
	}
}
