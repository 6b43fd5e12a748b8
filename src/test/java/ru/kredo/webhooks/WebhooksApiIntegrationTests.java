package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditEvent;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/** An integrator manages its webhooks with an API key: endpoints, filters, secrets, the delivery log (issue 15). */
@IntegrationTest
class WebhooksApiIntegrationTests {

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
	AuditLog audit;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Provisioned broker;
	String key;

	@BeforeEach
	void aBrokerWithAKey() {
		broker = fixtures.tenant(TenantKind.BROKER);
		key = "Bearer " + broker.apiKey().secret();
	}

	/** Without Kafka configured, «Сигналы в Kafka» is not offered: read as unavailable, switching refused (issue 16). */
	@Test
	void signalsToKafkaAreRefusedWithACodeWhereKafkaIsNotConfigured() throws Exception {
		mvc.perform(get("/api/v1/signal-topic").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.available").value(false))
			.andExpect(jsonPath("$.enabled").value(false));
		mvc.perform(put("/api/v1/signal-topic").header("Authorization", key).header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("signal-topic.kafka-not-configured"))
			.andExpect(jsonPath("$.detail").value("Kafka в этой установке Kredo не настроена: сигналы в Kafka недоступны."));
		String page = mvc.perform(get("/webhooks").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(fixtures.admin(broker)))).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("signal-topic");
		assertThat(jdbc.sql("select count(*) from webhook_kafka_topics where tenant_id = ?")
			.param(broker.tenant().id().value()).query(Long.class).single()).isZero();
	}

	@Test
	void anEndpointIsAddedReadChangedAndDeletedWithItsSecretShownOnlyOnce() throws Exception {
		JsonNode created = body(call(post("/api/v1/webhook-endpoints").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"url":"https://crm.example.ru/kredo","description":"Битрикс24",
					"eventTypes":["dispute.opened","signal.raised"]}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", Matchers.startsWith("/api/v1/webhook-endpoints/"))));
		String id = created.get("id").asString();
		WebhookEndpoint stored = endpoints.get(broker.tenant().id(), new WebhookEndpointId(java.util.UUID.fromString(id)));
		assertThat(created.get("secret").asString()).isEqualTo(stored.secret().value()).startsWith("whsec_");
		assertThat(created.get("eventTypes").toString()).as("in the documented order")
			.isEqualTo("[\"signal.raised\",\"dispute.opened\"]");
		assertThat(created.get("enabled").asBoolean()).isTrue();
		assertThat(created.get("health").get("state").asString()).isEqualTo("UNTRIED");

		String read = call(get("/api/v1/webhook-endpoints/{id}", id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value("https://crm.example.ru/kredo"))
			.andExpect(jsonPath("$.description").value("Битрикс24"))
			.andReturn().getResponse().getContentAsString();
		assertThat(read).doesNotContain("secret\"").doesNotContain(stored.secret().value());
		String listed = call(get("/api/v1/webhook-endpoints")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.nextCursor").value(Matchers.nullValue()))
			.andReturn().getResponse().getContentAsString();
		assertThat(listed).doesNotContain(stored.secret().value());

		call(patch("/api/v1/webhook-endpoints/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://crm2.example.ru/hook\",\"eventTypes\":[],\"enabled\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value("https://crm2.example.ru/hook"))
			.andExpect(jsonPath("$.description").value("Битрикс24"))
			.andExpect(jsonPath("$.eventTypes").isEmpty())
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.disabledReason").value("BY_ADMIN"));
		WebhookEndpoint changed = endpoints.get(broker.tenant().id(), stored.id());
		assertThat(changed.receives("plan.signed")).as("no filter: every type").isTrue();
		assertThat(changed.enabled()).isFalse();
		assertThat(changed.secret()).as("a change keeps the secret").isEqualTo(stored.secret());

		call(delete("/api/v1/webhook-endpoints/{id}", id)).andExpect(status().isNoContent());
		call(get("/api/v1/webhook-endpoints/{id}", id)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("webhook.not-found"));
		call(delete("/api/v1/webhook-endpoints/{id}", id)).andExpect(status().isNotFound());

		assertThat(audit.latest(broker.tenant().id(), 10)).filteredOn(e -> id.equals(e.objectId()))
			.extracting(AuditEvent::action)
			.contains(AuditAction.WEBHOOK_ENDPOINT_ADDED, AuditAction.WEBHOOK_ENDPOINT_CHANGED,
					AuditAction.WEBHOOK_ENDPOINT_DELETED);
		assertThat(audit.latest(broker.tenant().id(), 10)).filteredOn(e -> e.action() == AuditAction.WEBHOOK_ENDPOINT_CHANGED)
			.extracting(AuditEvent::detail).anySatisfy(detail -> assertThat(detail).contains("url", "enabled:false"));
	}

	@Test
	void wrongFieldsAreRefusedTogetherWithStableCodesAndChangeNothing() throws Exception {
		call(post("/api/v1/webhook-endpoints").contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"ftp://crm.example.ru/\",\"eventTypes\":[\"offer.viewed\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.invalid-fields"))
			.andExpect(jsonPath("$.errors[?(@.field == 'url')].code").value("webhook.url-scheme"))
			.andExpect(jsonPath("$.errors[?(@.field == 'eventTypes')].code").value("webhook.event-type-unknown"))
			.andExpect(jsonPath("$.errors[?(@.field == 'eventTypes')].message")
				.value(Matchers.contains(Matchers.containsString("offer.viewed"))));
		call(post("/api/v1/webhook-endpoints")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		assertThat(endpoints.all(broker.tenant().id())).isEmpty();

		WebhookEndpoint endpoint = endpoints.add(broker.tenant().id(), "https://crm.example.ru/kredo", "CRM");
		call(patch("/api/v1/webhook-endpoints/{id}", endpoint.id().toString()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"не адрес\",\"description\":\"новое\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("webhook.url-invalid"));
		assertThat(endpoints.get(broker.tenant().id(), endpoint.id())).as("nothing changed").isEqualTo(endpoint);

		call(get("/api/v1/webhook-endpoints").param("cursor", "не курсор")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.cursor-invalid"));
		call(get("/api/v1/webhook-endpoints/event-types")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0]").value("signal.raised"))
			.andExpect(jsonPath("$.items").value(Matchers.hasItems("dispute.opened", "plan.completed", "signal.folded",
					"signal.outcome_recorded", "list_import.finished", "payment.succeeded", "offer.signed",
					"debt.closed")));
	}

	@Test
	void theListIsPagedByACursorThatSkipsAndRepeatsNothing() throws Exception {
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			added.add(endpoints.add(broker.tenant().id(), "https://crm.example.ru/" + i, "CRM " + i).id().toString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			MockHttpServletRequestBuilder request = get("/api/v1/webhook-endpoints").param("limit", "2");
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			JsonNode page = body(call(request).andExpect(status().isOk()));
			assertThat(page.get("total").asLong()).isEqualTo(5);
			page.get("items").forEach(item -> seen.add(item.get("id").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(added);
	}

	@Test
	void theDeliveryLogShowsEachMessageWithoutItsPayloadAndAMessageIsSentAgainOnRequest() throws Exception {
		try (CrmReceiver crm = new CrmReceiver(503)) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			WebhookDelivery queued = webhooks.awaitDeliveries(endpoint, 1).getFirst();
			Instant now = clock.instant();
			dispatch.dispatchDue(now);

			String log = call(get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id().toString()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.nextCursor").value(Matchers.nullValue()))
				.andExpect(jsonPath("$.items[0].id").value(queued.id().toString()))
				.andExpect(jsonPath("$.items[0].messageId").value(queued.messageId()))
				.andExpect(jsonPath("$.items[0].eventType").value("signal.raised"))
				.andExpect(jsonPath("$.items[0].status").value("RETRYING"))
				.andExpect(jsonPath("$.items[0].attempts").value(1))
				.andExpect(jsonPath("$.items[0].lastResponseCode").value(503))
				.andExpect(jsonPath("$.items[0].createdAt").isNotEmpty())
				.andExpect(jsonPath("$.items[0].lastAttemptAt").isNotEmpty())
				.andExpect(jsonPath("$.items[0].nextAttemptAt").isNotEmpty())
				.andReturn().getResponse().getContentAsString();
			assertThat(log).as("no payload, no secret").doesNotContain("Семёнова").doesNotContain("payload")
				.doesNotContain(endpoint.secret().value());

			call(post("/api/v1/webhook-deliveries/{id}/redeliver", queued.id().toString()))
				.andExpect(status().isAccepted())
				.andExpect(jsonPath("$.messageId").value(queued.messageId()));
			// Due at once: the clock's now, read after the call (the first attempt's "now" may be seconds behind).
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).extracting(CrmReceiver.Received::answeredWith).containsExactly(503, 200);
			assertThat(crm.received()).extracting(CrmReceiver.Received::id).containsOnly(queued.messageId());
			call(get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id().toString()))
				.andExpect(jsonPath("$.items[0].status").value("DELIVERED"))
				.andExpect(jsonPath("$.items[0].attempts").value(2))
				.andExpect(jsonPath("$.items[0].lastResponseCode").value(200));
			assertThat(audit.latest(broker.tenant().id(), 5)).extracting(AuditEvent::action)
				.contains(AuditAction.WEBHOOK_REDELIVERED);

			call(post("/api/v1/webhook-endpoints/{id}/test", endpoint.id().toString())).andExpect(status().isAccepted())
				.andExpect(jsonPath("$.eventType").value("webhook.test"));
			String two = call(get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id().toString()).param("limit", "1"))
				.andExpect(jsonPath("$.total").value(2))
				.andExpect(jsonPath("$.items[0].eventType").value("webhook.test"))
				.andReturn().getResponse().getContentAsString();
			String next = json.readTree(two).get("nextCursor").asString();
			call(get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id().toString()).param("limit", "1")
				.param("cursor", next))
				.andExpect(jsonPath("$.items[0].id").value(queued.id().toString()))
				.andExpect(jsonPath("$.nextCursor").value(Matchers.nullValue()));

			// Deleted with its log: its deliveries are not found any more either.
			call(delete("/api/v1/webhook-endpoints/{id}", endpoint.id().toString())).andExpect(status().isNoContent());
			call(post("/api/v1/webhook-deliveries/{id}/redeliver", queued.id().toString()))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("webhook.delivery-not-found"));
			call(get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id().toString()))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void aCollectionAgencysKeyManagesItsEndpointsAsABrokersDoes() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + agency.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://crm.example.ru/agency\",\"eventTypes\":[\"plan.broken\"]}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + agency.apiKey().secret()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].eventTypes[0]").value("plan.broken"));
		call(get("/api/v1/webhook-endpoints")).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aRotatedSecretSignsBesideTheNewOneForTheOverlapWindowThenOnlyTheNewOneDoes() throws Exception {
		try (CrmReceiver crm = new CrmReceiver()) {
			String id = body(call(post("/api/v1/webhook-endpoints").contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"" + crm.url() + "\"}"))).get("id").asString();
			WebhookEndpoint endpoint = endpoints.get(broker.tenant().id(),
					new WebhookEndpointId(java.util.UUID.fromString(id)));
			String oldSecret = endpoint.secret().value();

			Instant rotatedAt = clock.instant();
			JsonNode rotated = body(call(post("/api/v1/webhook-endpoints/{id}/secret/rotate", id))
				.andExpect(status().isOk()));
			String newSecret = rotated.get("secret").asString();
			assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
			Instant until = Instant.parse(rotated.get("previousSecretValidUntil").asString());
			assertThat(Duration.between(rotatedAt, until)).as("24 hours by default")
				.isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));
			call(get("/api/v1/webhook-endpoints/{id}", id))
				.andExpect(jsonPath("$.previousSecretValidUntil").value(rotated.get("previousSecretValidUntil").asString()))
				.andExpect(jsonPath("$.secret").doesNotExist());
			assertThat(audit.latest(broker.tenant().id(), 5)).extracting(AuditEvent::detail).contains("api;secret-rotated");

			// Within the window: a CRM that still holds the old secret, and one given the new, both accept.
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			CrmReceiver.Received during = crm.received().getLast();
			assertThat(during.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
			assertThat(CrmReceiver.verifies(oldSecret, during)).isTrue();
			assertThat(CrmReceiver.verifies(newSecret, during)).isTrue();

			// After it: only the new secret's signature.
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 2);
			dispatch.dispatchDue(until.plusSeconds(1));
			CrmReceiver.Received after = crm.received().getLast();
			assertThat(after).isNotEqualTo(during);
			assertThat(after.signature().split(" ")).hasSize(1);
			assertThat(CrmReceiver.verifies(newSecret, after)).isTrue();
			assertThat(CrmReceiver.verifies(oldSecret, after)).isFalse();
		}
	}

	@Test
	void rotatingAgainWithinTheWindowKeepsOnlyTheSecretJustReplaced() throws Exception {
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			String first = endpoint.secret().value();
			String second = body(call(post("/api/v1/webhook-endpoints/{id}/secret/rotate", endpoint.id().toString())))
				.get("secret").asString();
			String third = body(call(post("/api/v1/webhook-endpoints/{id}/secret/rotate", endpoint.id().toString())))
				.get("secret").asString();

			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			CrmReceiver.Received received = crm.received().getLast();
			assertThat(CrmReceiver.verifies(third, received)).isTrue();
			assertThat(CrmReceiver.verifies(second, received)).isTrue();
			assertThat(CrmReceiver.verifies(first, received)).isFalse();
		}
	}

	@Test
	void theOpenApiDescribesEveryWebhookOperationWithAnExample() throws Exception {
		JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).get("paths");
		List<String> operations = new ArrayList<>();
		List<String> withoutExample = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/webhook-")) {
				continue;
			}
			for (String method : paths.get(path).propertyNames()) {
				operations.add(method.toUpperCase() + " " + path);
				if (!paths.get(path).get(method).get("responses").toString().contains("\"examples\"")) {
					withoutExample.add(method.toUpperCase() + " " + path);
				}
			}
		}
		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/webhook-endpoints",
				"POST /api/v1/webhook-endpoints", "GET /api/v1/webhook-endpoints/event-types",
				"GET /api/v1/webhook-endpoints/{id}", "PATCH /api/v1/webhook-endpoints/{id}",
				"DELETE /api/v1/webhook-endpoints/{id}", "POST /api/v1/webhook-endpoints/{id}/secret/rotate",
				"POST /api/v1/webhook-endpoints/{id}/test", "GET /api/v1/webhook-endpoints/{id}/deliveries",
				"POST /api/v1/webhook-deliveries/{id}/redeliver");
		assertThat(withoutExample).isEmpty();
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", key));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
