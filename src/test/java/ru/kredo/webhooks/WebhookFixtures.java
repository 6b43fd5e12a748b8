package ru.kredo.webhooks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;

/** Raises signals the way the signals module will (in a transaction) and waits for the webhooks listener. */
@Component
class WebhookFixtures {

	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;

	WebhookFixtures(ApplicationEventPublisher events, TransactionTemplate transaction, WebhookEndpoints endpoints,
			WebhookDeliveries deliveries) {
		this.events = events;
		this.transaction = transaction;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	/** An endpoint of the tenant pointing at the receiver, whose CRM has been given the secret. */
	WebhookEndpoint endpoint(Provisioned tenant, CrmReceiver crm) {
		WebhookEndpoint endpoint = endpoints.add(tenant.tenant().id(), crm.url(), "CRM");
		crm.useSecret(endpoint.secret());
		return endpoint;
	}

	/** As {@link #endpoint(Provisioned, CrmReceiver)}, receiving only these event types. */
	WebhookEndpoint endpoint(Provisioned tenant, CrmReceiver crm, List<String> eventTypes) {
		WebhookEndpoint endpoint = endpoints.add(tenant.tenant().id(), crm.url(), "CRM", eventTypes);
		crm.useSecret(endpoint.secret());
		return endpoint;
	}

	SignalRaised raise(Provisioned tenant) {
		SignalRaised signal = new SignalRaised(tenant.tenant().id(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "Семёнова Анна Петровна", Segment.PROSPECT, CreditEventType.APPLICATION, 1,
				"Подала заявку на кредит — позвоните сегодня", 1, Instant.now().truncatedTo(ChronoUnit.SECONDS),
				UUID.randomUUID(), "Дожим, ноябрь");
		transaction.executeWithoutResult(status -> events.publishEvent(SignalsRaised.of(signal)));
		return signal;
	}

	/** Waits for the asynchronous listener to queue the endpoint's deliveries. */
	List<WebhookDelivery> awaitDeliveries(WebhookEndpoint endpoint, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries.latest(endpoint.tenantId(), endpoint.id(), 100), list -> list.size() >= count);
	}

	List<WebhookDelivery> deliveriesOf(WebhookEndpoint endpoint) {
		return deliveries.latest(endpoint.tenantId(), endpoint.id(), 100);
	}

	WebhookDelivery delivery(WebhookDelivery delivery) {
		return deliveries.get(delivery.tenantId(), delivery.id());
	}
}
