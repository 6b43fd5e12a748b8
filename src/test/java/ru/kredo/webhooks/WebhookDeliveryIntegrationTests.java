package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditEvent;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.SignalRaised;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/** A raised signal travels to the tenant's CRM (a real HTTP receiver on 127.0.0.1), signed and retried. */
@IntegrationTest
class WebhookDeliveryIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	AuditLog audit;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Test
	void aRaisedSignalReachesTheCrmSignedSoTheCrmCanVerifyIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			SignalRaised signal = webhooks.raise(broker);
			WebhookDelivery queued = webhooks.awaitDeliveries(endpoint, 1).getFirst();

			Instant now = clock.instant();
			dispatch.dispatchDue(now);

			assertThat(crm.received()).singleElement().satisfies(request -> {
				assertThat(request.verified()).isTrue();
				assertThat(request.id()).isEqualTo(queued.messageId()).startsWith("msg_");
				assertThat(request.timestamp()).isEqualTo(now.getEpochSecond());
			});
			JsonNode body = json.readTree(crm.received().getFirst().body());
			assertThat(body.get("type").asString()).isEqualTo("signal.raised");
			assertThat(body.get("version").asInt()).isEqualTo(1);
			assertThat(body.get("data").get("signalId").asString()).isEqualTo(signal.signalId().toString());
			assertThat(body.get("data").get("contactName").asString()).isEqualTo("Семёнова Анна Петровна");
			assertThat(body.get("data").get("eventType").asString()).isEqualTo("APPLICATION");
			assertThat(body.get("data").get("priority").asInt()).isEqualTo(1);

			WebhookDelivery delivered = webhooks.delivery(queued);
			assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivered.attempts()).extracting(WebhookAttempt::statusCode).containsExactly(200);
			assertThat(delivered.lastAttempt().responseSnippet()).contains("ok");
		}
	}

	@Test
	void theScheduledPollSendsWhatIsDueByTheClock() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			WebhookDelivery queued = webhooks.awaitDeliveries(endpoint, 1).getFirst();

			dispatch.poll();

			assertThat(crm.received()).singleElement().satisfies(request -> assertThat(request.verified()).isTrue());
			assertThat(webhooks.delivery(queued).status()).isEqualTo(DeliveryStatus.DELIVERED);
		}
	}

	@Test
	void aCrmThatFailsIsRetriedWithBackOffAndHandlesTheMessageOnce() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver(500, 503)) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			WebhookDelivery queued = webhooks.awaitDeliveries(endpoint, 1).getFirst();
			Instant first = clock.instant();

			dispatch.dispatchDue(first);
			dispatch.dispatchDue(first.plusSeconds(4));
			assertThat(crm.received()).as("nothing before the 5-second back-off").hasSize(1);
			dispatch.dispatchDue(first.plusSeconds(5));
			dispatch.dispatchDue(first.plusSeconds(5).plus(Duration.ofMinutes(4)));
			assertThat(crm.received()).as("nothing before the 5-minute back-off").hasSize(2);
			dispatch.dispatchDue(first.plusSeconds(5).plus(Duration.ofMinutes(5)));
			dispatch.dispatchDue(first.plus(Duration.ofHours(30)));

			assertThat(crm.received()).extracting(CrmReceiver.Received::answeredWith).containsExactly(500, 503, 200);
			assertThat(crm.received()).extracting(CrmReceiver.Received::id).containsOnly(queued.messageId());
			assertThat(crm.received()).allMatch(CrmReceiver.Received::verified);
			assertThat(crm.handledIds()).containsExactly(queued.messageId());
			WebhookDelivery delivered = webhooks.delivery(queued);
			assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivered.attempts()).extracting(WebhookAttempt::statusCode).containsExactly(500, 503, 200);
			assertThat(endpoints.get(broker.tenant().id(), endpoint.id()).enabled()).isTrue();
		}
	}

	@Test
	void anEndpointThatFailsForMoreThanADayIsDisabledAndAudited() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			crm.answerAlways(500);
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			WebhookDelivery delivery = webhooks.awaitDeliveries(endpoint, 1).getFirst();
			Instant firstFailure = clock.instant();

			Instant now = firstFailure;
			for (int attempt = 0; attempt < 20 && now != null; attempt++) {
				dispatch.dispatchDue(now);
				now = webhooks.delivery(delivery).nextAttemptAt();
			}

			assertThat(crm.received()).hasSize(8);
			assertThat(crm.received().getLast().timestamp() - firstFailure.getEpochSecond())
				.as("the last attempt comes more than a day after the first").isGreaterThan(Duration.ofHours(24).toSeconds());
			assertThat(webhooks.delivery(delivery).status()).isEqualTo(DeliveryStatus.FAILED);
			WebhookEndpoint disabled = endpoints.get(broker.tenant().id(), endpoint.id());
			assertThat(disabled.disabledForFailing()).isTrue();
			assertThat(disabled.disabledAt()).isAfter(firstFailure.plus(Duration.ofHours(24)));
			assertThat(audit.latest(broker.tenant().id(), 20)).extracting(AuditEvent::action)
				.contains(AuditAction.WEBHOOK_ENDPOINT_DISABLED);

			webhooks.raise(broker);
			dispatch.dispatchDue(clock.instant().plus(Duration.ofDays(3)));
			assertThat(crm.received()).as("a disabled endpoint receives nothing").hasSize(8);
		}
	}

	@Test
	void anotherTenantsEndpointsNeverReceiveTheSignal() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		try (CrmReceiver brokersCrm = new CrmReceiver(); CrmReceiver collectorsCrm = new CrmReceiver()) {
			WebhookEndpoint brokers = webhooks.endpoint(broker, brokersCrm);
			WebhookEndpoint collectors = webhooks.endpoint(collector, collectorsCrm);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(brokers, 1);

			dispatch.dispatchDue(clock.instant());

			assertThat(brokersCrm.received()).hasSize(1);
			assertThat(collectorsCrm.received()).isEmpty();
			assertThat(webhooks.deliveriesOf(collectors)).isEmpty();
		}
	}
}
