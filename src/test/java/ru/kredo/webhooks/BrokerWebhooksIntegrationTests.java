package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/**
 * Issue 15, a broker's side: an uploaded list's import ending ({@code list_import.finished}), a signal raised and then
 * folding a second event ({@code signal.raised}, then {@code signal.folded} with the same signal and a larger count),
 * and the outcome a manager records ({@code signal.outcome_recorded}), each driven by the real action and carrying the
 * CRM's own id; an endpoint that chose only {@code signal.raised} gets only that.
 */
@IntegrationTest
class BrokerWebhooksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Watches watches;

	@Autowired
	JsonMapper json;

	@Test
	void anImportASignalItsFoldAndItsOutcomeEachReachTheCrmAsTheirOwnType() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String key = "Bearer " + broker.apiKey().secret();
		String passport = "46" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		try (CrmReceiver crm = new CrmReceiver(); CrmReceiver raisedOnly = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			WebhookEndpoint onlyRaised = endpoints.add(broker.tenant().id(), raisedOnly.url(), "Только новые",
					List.of("signal.raised"));
			raisedOnly.useSecret(onlyRaised.secret());

			String export = """
					ID;ФИО;Дата рождения;Паспорт
					2042;Рябинина Ольга Сергеевна;14.02.1986;%s
					2043;Клёнов Пётр Ильич;03.03.1979;
					2044;Неверова Дата Ивановна;99.99.1990;
					""".formatted(passport);
			MockHttpServletResponse accepted = mvc.perform(post("/api/v1/lists/imports").header("Authorization", key)
				.contentType("text/csv").content(export.getBytes(StandardCharsets.UTF_8)).param("name", "Хуки, декабрь")
				.param("consentDate", watches.today().toString()).param("consentPurpose", "Подбор кредита"))
				.andReturn().getResponse();
			assertThat(accepted.getStatus()).isEqualTo(202);
			JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> json.readTree(mvc.perform(get(accepted.getHeader("Location")).header("Authorization", key))
					.andReturn().getResponse().getContentAsString()), status -> !"RUNNING".equals(status.get("state").asString()));

			JsonNode imported = payload(webhooks.awaitDeliveries(endpoint, 1), "list_import.finished").get("data");
			assertThat(imported.get("importId").asString()).isEqualTo(done.get("id").asString());
			assertThat(imported.get("listName").asString()).isEqualTo("Хуки, декабрь");
			assertThat(imported.get("state").asString()).isEqualTo("DONE");
			assertThat(imported.get("accepted").asLong()).isEqualTo(done.get("accepted").asLong()).isEqualTo(2);
			assertThat(imported.get("rowsRead").asLong()).isEqualTo(done.get("rowsRead").asLong()).isEqualTo(3);
			assertThat(imported.get("rejected").asLong()).isEqualTo(done.get("rejected").asLong());
			assertThat(imported.get("skipped").asLong()).isEqualTo(done.get("skipped").asLong());
			assertThat(imported.get("finishedAt").asString()).isNotEqualTo("null");

			ingest(passport);
			JsonNode raised = payload(webhooks.awaitDeliveries(endpoint, 2), "signal.raised").get("data");
			assertThat(raised.get("externalId").asString()).isEqualTo("2042");
			assertThat(raised.get("count").asInt()).isEqualTo(1);
			ingest(passport);
			JsonNode folded = payload(webhooks.awaitDeliveries(endpoint, 3), "signal.folded").get("data");
			assertThat(folded.get("signalId").asString()).isEqualTo(raised.get("signalId").asString());
			assertThat(folded.get("count").asInt()).isEqualTo(2);
			assertThat(folded.get("externalId").asString()).isEqualTo("2042");

			String signalId = raised.get("signalId").asString();
			assertThat(mvc.perform(post("/api/v1/signals/" + signalId + "/outcome").header("Authorization", key)
				.contentType("application/json")
				.content("{\"outcome\":\"DEAL\",\"by\":\"" + broker.admin().id().value() + "\"}"))
				.andReturn().getResponse().getStatus()).isEqualTo(200);
			JsonNode outcome = payload(webhooks.awaitDeliveries(endpoint, 4), "signal.outcome_recorded").get("data");
			assertThat(outcome.get("signalId").asString()).isEqualTo(signalId);
			assertThat(outcome.get("contactId").asString()).isEqualTo(raised.get("contactId").asString());
			assertThat(outcome.get("externalId").asString()).isEqualTo("2042");
			assertThat(outcome.get("outcome").asString()).isEqualTo("DEAL");
			assertThat(outcome.get("success").asBoolean()).isTrue();
			assertThat(outcome.get("eventType").asString()).isEqualTo("APPLICATION");
			assertThat(outcome.get("count").asInt()).isEqualTo(2);

			dispatch.dispatchDue(Instant.now());
			assertThat(crm.received()).hasSize(4).allSatisfy(request -> assertThat(request.verified()).isTrue());
			assertThat(webhooks.deliveriesOf(endpoint)).extracting(WebhookDelivery::eventType).containsExactlyInAnyOrder(
					"list_import.finished", "signal.raised", "signal.folded", "signal.outcome_recorded");
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(onlyRaised).size() == 1);
			assertThat(webhooks.deliveriesOf(onlyRaised)).extracting(WebhookDelivery::eventType)
				.containsExactly("signal.raised");
		}
	}

	private void ingest(String passport) {
		String event = """
				{"source":"hooks-test","eventId":"%s","type":"1.1","occurredAt":"%s","subject":{"lastName":"Рябинина","firstName":"Ольга","middleName":"Сергеевна","birthDate":"14.02.1986","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), passport);
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}

	private JsonNode payload(List<WebhookDelivery> queued, String type) {
		return queued.stream().filter(d -> d.eventType().equals(type)).map(d -> json.readTree(d.payload())).findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " among " + queued));
	}
}
