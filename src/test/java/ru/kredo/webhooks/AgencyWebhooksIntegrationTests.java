package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeOutcome;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.MessagePosted;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/**
 * A collection agency's CRM hears of its conversations and disputes by webhook, as signals are sent: one message per
 * event (a listener that sees the event twice queues nothing twice), signed so that the CRM verifies it, and thin —
 * ids, codes, times and the contract number, never a message's text, a name or a phone.
 */
@IntegrationTest
class AgencyWebhooksIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Disputes disputes;

	@Autowired
	Conversations conversations;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Provisioned agency;
	Contact debtor;
	Debt debt;

	@BeforeEach
	void anAgencyWithADebtor() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse("+79180000055"), "olga@example.ru");
		debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-77/2021", LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}

	@Test
	void eachMessageAndDisputeReachesTheCrmOnceSignedAndWithoutPersonalData() throws Exception {
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Можно отсрочку до 15-го?", null);
			assertThat(mvc.perform(post("/api/v1/conversations/{id}/messages", question.conversationId().toString())
				.header("Authorization", "Bearer " + agency.apiKey().secret()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Да, пришлите справку\"}")).andReturn().getResponse().getStatus()).isEqualTo(201);
			conversations.note(agency.tenant().id(), question.conversationId(), agency.admin().id(), "Заметка: звонил");
			Dispute dispute = disputes.open(agency.tenant().id(), debtor.id(), debt.id(), DisputeReason.ALREADY_PAID,
					"Оплатила 1 ноября");
			assertThat(mvc.perform(post("/api/v1/disputes/{id}/resolution", dispute.id())
				.header("Authorization", "Bearer " + agency.apiKey().secret()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"REJECTED\",\"reason\":\"Платёж не поступал\"}")).andReturn().getResponse()
				.getStatus()).isEqualTo(200);

			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 4);
			// The note never leaves Kredo: still four half a second later.
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(endpoint).size() == 4);
			Map<String, WebhookDelivery> byType = queued.stream()
				.filter(d -> !d.eventType().equals("conversation.message_created"))
				.collect(Collectors.toMap(WebhookDelivery::eventType, Function.identity()));
			assertThat(queued).extracting(WebhookDelivery::eventType).containsExactlyInAnyOrder(
					"conversation.message_created", "conversation.message_created", "dispute.opened", "dispute.resolved");

			// What a listener run twice sends: nothing more.
			transaction.executeWithoutResult(status -> {
				events.publishEvent(new MessagePosted(agency.tenant().id(), question.conversationId(), debtor.id(),
						question.id(), Author.DEBTOR, question.at()));
				Dispute resolved = disputes.get(agency.tenant().id(), dispute.id());
				events.publishEvent(new DisputeOpened(agency.tenant().id(), dispute.id(), debt.id(), debtor.id(),
						DisputeReason.ALREADY_PAID, debt.contractNumber(), dispute.openedAt()));
				events.publishEvent(new DisputeResolved(agency.tenant().id(), dispute.id(), debt.id(), debtor.id(),
						DisputeOutcome.REJECTED, debt.contractNumber(), resolved.resolvedAt()));
			});
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(endpoint).size() == 4);

			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).hasSize(4).allSatisfy(request -> assertThat(request.verified()).isTrue());
			for (CrmReceiver.Received request : crm.received()) {
				assertThat(request.body()).doesNotContain("Можно отсрочку", "Да, пришлите справку", "Заметка",
						"Оплатила 1 ноября", "Платёж не поступал", "Лебедева", "Ольга", "79180000055", "olga@example.ru",
						"API:", "Первый ключ");
			}

			List<JsonNode> messages = queued.stream().filter(d -> d.eventType().equals("conversation.message_created"))
				.map(d -> json.readTree(d.payload())).map(body -> body.get("data")).toList();
			assertThat(messages).extracting(data -> data.get("authorKind").asString())
				.containsExactlyInAnyOrder("DEBTOR", "AGENCY");
			assertThat(messages).allSatisfy(data -> {
				assertThat(data.get("conversationId").asString()).isEqualTo(question.conversationId().toString());
				assertThat(data.get("contactId").asString()).isEqualTo(debtor.id().toString());
				assertThat(data.get("contractNumbers").get(0).asString()).isEqualTo("КД-77/2021");
				assertThat(data.get("createdAt").asString()).isNotBlank();
			});

			JsonNode opened = json.readTree(byType.get("dispute.opened").payload());
			assertThat(opened.get("type").asString()).isEqualTo("dispute.opened");
			assertThat(opened.get("version").asInt()).isEqualTo(1);
			assertThat(opened.get("data").get("disputeId").asString()).isEqualTo(dispute.id().toString());
			assertThat(opened.get("data").get("debtId").asString()).isEqualTo(debt.id().toString());
			assertThat(opened.get("data").get("contractNumber").asString()).isEqualTo("КД-77/2021");
			assertThat(opened.get("data").get("reason").asString()).isEqualTo("ALREADY_PAID");
			JsonNode resolved = json.readTree(byType.get("dispute.resolved").payload());
			assertThat(resolved.get("data").get("outcome").asString()).isEqualTo("REJECTED");
			assertThat(resolved.get("data").get("resolvedAt").asString()).isNotBlank();
		}
	}

	/** Issue 15: every payload that names the debtor names him by the agency's own id too. */
	@Test
	void aPayloadThatNamesTheDebtorCarriesHisExternalId() throws Exception {
		jdbc.sql("update contacts set external_id = 'CRM-5521' where id = ?").param(debtor.id().value()).update();
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null);
			disputes.open(agency.tenant().id(), debtor.id(), debt.id(), DisputeReason.NOT_MINE, "Не мой");

			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 2);

			assertThat(queued).extracting(WebhookDelivery::eventType)
				.containsExactlyInAnyOrder("conversation.message_created", "dispute.opened");
			assertThat(queued).allSatisfy(delivery -> {
				JsonNode data = json.readTree(delivery.payload()).get("data");
				assertThat(data.get("contactId").asString()).isEqualTo(debtor.id().toString());
				assertThat(data.get("externalId").asString()).isEqualTo("CRM-5521");
			});
		}
	}

	@Test
	void aPayloadThatNamesTheDebtCarriesItsRegistryId() throws Exception {
		jdbc.sql("update debts set external_id = 'R-100245' where id = ?").param(debt.id().value()).update();
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			disputes.open(agency.tenant().id(), debtor.id(), debt.id(), DisputeReason.NOT_MINE, "Не мой");

			JsonNode data = json.readTree(webhooks.awaitDeliveries(endpoint, 1).getFirst().payload()).get("data");

			assertThat(data.get("debtId").asString()).isEqualTo(debt.id().toString());
			assertThat(data.get("debtExternalId").asString()).isEqualTo("R-100245");
			List<String> fields = new java.util.ArrayList<>(data.propertyNames());
			assertThat(fields.indexOf("debtExternalId")).isEqualTo(fields.indexOf("debtId") + 1);
		}
	}

	@Autowired
	ru.kredo.docrequests.DocumentRequests documentRequests;

	@Test
	void aDocumentRequestReachesTheCrmOnceWithoutTheDebtorsComment() throws Exception {
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			java.util.UUID request = documentRequests.request(agency.tenant().id(), debtor.id(), debt.id(),
					ru.kredo.docrequests.DocumentType.DEBT_CALCULATION, "Для суда, к 20-му").id();
			WebhookDelivery queued = webhooks.awaitDeliveries(endpoint, 1).getFirst();
			assertThat(queued.eventType()).isEqualTo("document_request.created");
			JsonNode data = json.readTree(queued.payload()).get("data");
			assertThat(data.get("requestId").asString()).isEqualTo(request.toString());
			assertThat(data.get("contactId").asString()).isEqualTo(debtor.id().toString());
			assertThat(data.get("type").asString()).isEqualTo("DEBT_CALCULATION");
			// Announced again (a listener that runs twice): still one.
			transaction.executeWithoutResult(status -> events.publishEvent(new ru.kredo.docrequests.DocumentRequested(
					agency.tenant().id(), request, debtor.id(), ru.kredo.docrequests.DocumentType.DEBT_CALCULATION,
					clock.instant())));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(endpoint).size() == 1);
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).singleElement().satisfies(received -> {
				assertThat(received.verified()).isTrue();
				assertThat(received.body()).doesNotContain("Для суда", "Лебедева", "79180000055");
			});
		}
	}

	@Test
	void anotherAgencysEndpointHearsNothing() throws Exception {
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		try (CrmReceiver crm = new CrmReceiver(); CrmReceiver others = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			WebhookEndpoint stranger = webhooks.endpoint(other, others);
			conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null);
			webhooks.awaitDeliveries(endpoint, 1);
			assertThat(webhooks.deliveriesOf(stranger)).isEmpty();
		}
	}

	/** Every listener of a message completes its publication: none is left to be sent again at the next start. */
	@Test
	void noPublicationOfAMessageIsLeftIncomplete() {
		java.time.Instant before = clock.instant().minusSeconds(1);
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null);
		conversations.reply(agency.tenant().id(), question.conversationId(), agency.admin().id(), "Ответ", null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from event_publication where publication_date >= ? and event_type like '%MessagePosted'
				and serialized_event like ?""")
			.params(java.sql.Timestamp.from(before), "%" + question.conversationId().value() + "%")
			.query(Long.class).single()).isZero());
	}
}
