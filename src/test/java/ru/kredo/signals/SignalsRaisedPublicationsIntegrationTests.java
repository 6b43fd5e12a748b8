package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A batch's {@link SignalsRaised} is recorded by the event registry (a row of {@code event_publication} holding the
 * whole batch's signals, written, read back and deleted) only for the listeners it concerns: a tenant without
 * webhooks or a CRM, and signals that are no debtor's new money or changed data, cost no publication at all. Each
 * case publishes in a transaction that is rolled back, so no listener runs, and reads which listeners the registry
 * recorded before the rollback.
 */
@IntegrationTest
class SignalsRaisedPublicationsIntegrationTests {

	private static final String WEBHOOKS = "ru.kredo.webhooks.internal.SignalsRaisedListener";
	private static final String AMOCRM = "ru.kredo.crm.internal.SignalsToAmoCrm";
	private static final String BITRIX24 = "ru.kredo.crm.internal.SignalsToBitrix24";
	private static final String NEW_MONEY = "ru.kredo.cabinet.internal.NewMoneyInvitations";
	private static final String BUREAU_PHONES = "ru.kredo.cabinet.internal.BureauPhoneListener";

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBrokerWithoutWebhooksOrACrmCostsNoPublication() {
		TenantId broker = fixtures.tenant(TenantKind.BROKER).tenant().id();

		assertThat(recordedFor(broker, List.of(), signal(broker, Segment.PROSPECT, CreditEventType.APPLICATION)))
			.isEmpty();
	}

	@Test
	void eachListenerIsRecordedWhenItsTenantListens() {
		TenantId broker = fixtures.tenant(TenantKind.BROKER).tenant().id();
		SignalRaised signal = signal(broker, Segment.PROSPECT, CreditEventType.APPLICATION);

		assertThat(recordedFor(broker, List.of("""
				insert into webhook_endpoints (id, tenant_id, url, description, secret_sealed, enabled, created_at)
				values (gen_random_uuid(), :tenant, 'https://crm.example/hook', '', '\\x00', true, now())"""), signal))
			.containsExactly(WEBHOOKS);
		assertThat(recordedFor(broker, List.of("""
				insert into webhook_endpoints (id, tenant_id, url, description, secret_sealed, enabled, created_at)
				values (gen_random_uuid(), :tenant, 'https://crm.example/hook', '', '\\x00', false, now())"""), signal))
			.as("a disabled endpoint receives nothing")
			.isEmpty();
		assertThat(recordedFor(broker, List.of("""
				insert into webhook_kafka_topics (tenant_id, topic, switched_on_at)
				values (:tenant, 'kredo.signals.test', now())"""), signal))
			.as("«Сигналы в Kafka» on, no endpoint: the same listener queues the topic's messages")
			.containsExactly(WEBHOOKS);
		assertThat(recordedFor(broker, List.of("""
				insert into crm_amocrm_accounts (tenant_id, subdomain, client_id, client_secret_sealed,
				    refresh_token_sealed, updated_at)
				values (:tenant, 'broker', 'client', '\\x00', '\\x00', now())"""), signal))
			.containsExactly(AMOCRM);
		assertThat(recordedFor(broker, List.of("""
				insert into crm_amocrm_accounts (tenant_id, subdomain, client_id, client_secret_sealed, updated_at)
				values (:tenant, 'broker', 'client', '\\x00', now())"""), signal))
			.as("keys saved but never connected")
			.isEmpty();
		assertThat(recordedFor(broker, List.of("""
				insert into crm_bitrix24_accounts (tenant_id, portal, client_id, client_secret_sealed,
				    refresh_token_sealed, updated_at)
				values (:tenant, 'broker.bitrix24.ru', 'client', '\\x00', '\\x00', now())"""), signal))
			.containsExactly(BITRIX24);
	}

	@Test
	void aDebtorsNewMoneyOrChangedDataIsRecordedForTheCabinet() {
		TenantId agency = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();

		assertThat(recordedFor(agency, List.of(), signal(agency, Segment.DEBTOR, CreditEventType.LOAN_DISBURSED)))
			.containsExactly(NEW_MONEY);
		assertThat(recordedFor(agency, List.of(), signal(agency, Segment.DEBTOR, CreditEventType.PERSONAL_DATA_CHANGED)))
			.containsExactly(BUREAU_PHONES);
		assertThat(recordedFor(agency, List.of(), signal(agency, Segment.DEBTOR, CreditEventType.APPLICATION)))
			.isEmpty();
	}

	@Test
	void oneTenantThatListensIsEnoughForTheWholeBatch() {
		TenantId quiet = fixtures.tenant(TenantKind.BROKER).tenant().id();
		TenantId listening = fixtures.tenant(TenantKind.BROKER).tenant().id();

		List<String> recorded = transaction.execute(status -> {
			jdbc.sql("""
					insert into webhook_endpoints (id, tenant_id, url, description, secret_sealed, enabled, created_at)
					values (gen_random_uuid(), ?, 'https://crm.example/hook', '', '\\x00', true, now())""")
				.param(listening.value())
				.update();
			List<String> listeners = publish(new SignalsRaised(List.of(
					signal(quiet, Segment.PROSPECT, CreditEventType.APPLICATION),
					signal(listening, Segment.PROSPECT, CreditEventType.APPLICATION))));
			status.setRollbackOnly();
			return listeners;
		});

		assertThat(recorded).containsExactly(WEBHOOKS);
	}

	// Which listeners the registry recorded a publication for, after the statements (each with :tenant) prepared the
	// tenant; all rolled back.
	private List<String> recordedFor(TenantId tenant, List<String> setUp, SignalRaised signal) {
		return transaction.execute(status -> {
			setUp.forEach(sql -> jdbc.sql(sql).param("tenant", tenant.value()).update());
			List<String> listeners = publish(SignalsRaised.of(signal));
			status.setRollbackOnly();
			return listeners;
		});
	}

	private List<String> publish(SignalsRaised raised) {
		String marker = raised.signals().getFirst().signalId().toString();
		events.publishEvent(raised);
		return jdbc.sql("""
				select listener_id from event_publication
				where event_type = ? and serialized_event like ? order by listener_id""")
			.params(SignalsRaised.class.getName(), "%" + marker + "%")
			.query(String.class)
			.list()
			.stream()
			.map(id -> id.substring(0, id.indexOf('(')))
			.map(method -> method.substring(0, method.lastIndexOf('.')))
			.toList();
	}

	private static SignalRaised signal(TenantId tenant, Segment segment, CreditEventType type) {
		return new SignalRaised(tenant, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Тестов Тест",
				segment, type, 3, "Проверка", 1, Instant.parse("2026-12-01T10:00:00Z"), null, null);
	}
}
