package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Issue 15 end to end: a CRM's export uploaded with its «ID» column, a credit event, and the signal's webhook carries
 * the CRM's own id, so the CRM finds its record without calling back.
 */
@IntegrationTest
class ExternalIdsWebhookIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Watches watches;

	@Autowired
	JsonMapper json;

	@Test
	void anUploadedRowsIdTravelsToTheSignalsWebhookAndTheSignalsList() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String passport = "47" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		String export = """
				ID;ФИО;Дата рождения;Паспорт
				  1042  ;Рябинина Ольга Сергеевна;14.02.1986;%s
				1043;Клёнов Пётр Ильич;03.03.1979;
				""".formatted(passport);
		MockHttpServletResponse accepted = mvc.perform(post("/api/v1/lists/imports")
			.header("Authorization", "Bearer " + broker.apiKey().secret()).contentType("text/csv")
			.content(export.getBytes(StandardCharsets.UTF_8)).param("name", "Битрикс24, ноябрь")
			.param("consentDate", watches.today().toString()).param("consentPurpose", "Подбор кредита"))
			.andReturn().getResponse();
		assertThat(accepted.getStatus()).isEqualTo(202);
		JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> json.readTree(mvc.perform(get(accepted.getHeader("Location"))
				.header("Authorization", "Bearer " + broker.apiKey().secret())).andReturn().getResponse()
				.getContentAsString()), status -> !"RUNNING".equals(status.get("state").asString()));
		assertThat(done.get("accepted").asLong()).isEqualTo(2);

		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			String event = """
					{"source":"extid-test","eventId":"%s","type":"1.1","occurredAt":"%s","subject":{"lastName":"Рябинина","firstName":"Ольга","middleName":"Сергеевна","birthDate":"14.02.1986","passport":"%s"}}"""
				.formatted(UUID.randomUUID(), watches.today(), passport);
			ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
			webhooks.awaitDeliveries(endpoint, 1);

			dispatch.dispatchDue(java.time.Instant.now());

			assertThat(crm.received()).singleElement().satisfies(request -> assertThat(request.verified()).isTrue());
			JsonNode data = json.readTree(crm.received().getFirst().body()).get("data");
			assertThat(data.get("contactName").asString()).isEqualTo("Рябинина Ольга Сергеевна");
			assertThat(data.get("externalId").asString()).as("the CRM's row id, trimmed").isEqualTo("1042");
		}

		JsonNode page = json.readTree(mvc.perform(get("/api/v1/signals")
			.header("Authorization", "Bearer " + broker.apiKey().secret())).andReturn().getResponse().getContentAsString());
		assertThat(page.get("items").get(0).get("externalId").asString()).isEqualTo("1042");
		assertThat(page.get("items").get(0).get("person").get("externalId").asString()).isEqualTo("1042");
	}
}
