package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.DisputeReason;
import ru.kredo.collections.Disputes;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/** Each endpoint receives only the event types it chose; one that chose none receives every type. */
@IntegrationTest
class WebhookEventFilterIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Disputes disputes;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anEndpointFilteredToSignalsGetsNoDisputeAndOneFilteredToDisputesGetsNoSignal() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"),
				LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse("+79180000056"), null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-78/2021", LocalDate.of(2021, 1, 1),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		try (CrmReceiver signalsCrm = new CrmReceiver(); CrmReceiver disputesCrm = new CrmReceiver();
				CrmReceiver everythingCrm = new CrmReceiver()) {
			WebhookEndpoint signalsOnly = endpoint(agency, signalsCrm, List.of("signal.raised"));
			WebhookEndpoint disputesOnly = endpoint(agency, disputesCrm, List.of("dispute.opened", "dispute.resolved"));
			WebhookEndpoint everything = endpoint(agency, everythingCrm, null);

			webhooks.raise(agency);
			disputes.open(agency.tenant().id(), debtor.id(), debt.id(), DisputeReason.ALREADY_PAID, "Оплатила");

			webhooks.awaitDeliveries(everything, 2);
			webhooks.awaitDeliveries(signalsOnly, 1);
			webhooks.awaitDeliveries(disputesOnly, 1);
			// Both listeners have run for every endpoint: nothing more arrives for the filtered ones.
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(signalsOnly).size() == 1
						&& webhooks.deliveriesOf(disputesOnly).size() == 1);
			dispatch.dispatchDue(clock.instant());

			assertThat(types(signalsCrm)).containsExactly("signal.raised");
			assertThat(types(disputesCrm)).containsExactly("dispute.opened");
			assertThat(types(everythingCrm)).containsExactlyInAnyOrder("signal.raised", "dispute.opened");
			assertThat(signalsCrm.received()).allMatch(CrmReceiver.Received::verified);
		}
	}

	@Test
	void aChangedFilterTakesEffectForTheNextMessage() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		WebhookEndpoint endpoint = endpoints.add(broker.tenant().id(), "https://crm.example.ru/kredo", "CRM",
				List.of("plan.signed"));
		webhooks.raise(broker);
		// The listener has handled it (its publication completed) before the filter changes.
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from event_publication where event_type like '%SignalsRaised'
				and serialized_event like ?""")
			.param("%" + broker.tenant().id().value() + "%").query(Long.class).single() == 0);
		assertThat(webhooks.deliveriesOf(endpoint)).isEmpty();

		endpoints.update(broker.tenant().id(), endpoint.id(),
				new WebhookEndpoints.Change(null, null, List.of("signal.raised"), null));
		webhooks.raise(broker);

		assertThat(webhooks.awaitDeliveries(endpoint, 1)).singleElement()
			.satisfies(delivery -> assertThat(delivery.eventType()).isEqualTo("signal.raised"));
	}

	private WebhookEndpoint endpoint(Provisioned tenant, CrmReceiver crm, List<String> types) {
		WebhookEndpoint endpoint = endpoints.add(tenant.tenant().id(), crm.url(), "CRM", types);
		crm.useSecret(endpoint.secret());
		return endpoint;
	}

	private List<String> types(CrmReceiver crm) {
		return crm.received().stream().map(r -> json.readTree(r.body()).get("type").asString()).toList();
	}
}
