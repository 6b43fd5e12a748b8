package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payments;
import ru.kredo.payments.ReceivedPayment;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/**
 * Issue 15: an agency's CRM hears of the money — a payment that succeeded (here one received outside Kredo and
 * recorded, applied like any other), a settlement signed, a debt closed as paid, settled or written off — each driven
 * by the real action, signed, with the debtor's own id; an endpoint that chose other events gets none of them.
 */
@IntegrationTest
class MoneyWebhooksIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Payments payments;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Test
	void paymentsReceivedAndTheDebtPaidOffReachTheCrmWithTheBalanceAndTheDebtorsId() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		try (CrmReceiver crm = new CrmReceiver(); CrmReceiver other = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			WebhookEndpoint disputesOnly = otherEvents(agency, other);
			Debt debt = debtOf(agency, "CRM-7001");

			ReceivedPayment first = receive(agency, debt, "10000.00", "ПП-1");
			receive(agency, debt, "20000.00", "ПП-2");

			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 3);
			assertThat(queued).extracting(WebhookDelivery::eventType)
				.containsExactlyInAnyOrder("payment.succeeded", "payment.succeeded", "debt.closed");
			JsonNode paid = payload(queued, "payment.succeeded", first.payment().id().value().toString());
			assertThat(paid.get("version").asInt()).isEqualTo(1);
			JsonNode data = paid.get("data");
			assertThat(data.get("debtId").asString()).isEqualTo(debt.id().value().toString());
			assertThat(data.get("contactId").asString()).isEqualTo(debt.contactId().value().toString());
			assertThat(data.get("externalId").asString()).isEqualTo("CRM-7001");
			assertThat(data.get("contractNumber").asString()).isEqualTo(debt.contractNumber());
			assertThat(data.get("amount").asString()).isEqualTo("10000.00");
			assertThat(data.get("method").asString()).isEqualTo("OUTSIDE");
			assertThat(data.get("paidAt").asString()).isNotBlank();
			// Read right after the payment's commit; the second payment may already have followed it.
			assertThat(data.get("balanceAfter").asString()).isIn("20000.00", "0.00");

			JsonNode closed = payload(queued, "debt.closed", null).get("data");
			assertThat(closed.get("debtId").asString()).isEqualTo(debt.id().value().toString());
			assertThat(closed.get("externalId").asString()).isEqualTo("CRM-7001");
			assertThat(closed.get("closedAs").asString()).isEqualTo("PAID");
			assertThat(closed.get("closedOn").asString()).isEqualTo(calendar.today().toString());
			assertThat(closed.get("paid").asString()).isEqualTo("30000.00");
			assertThat(closed.get("forgiven").asString()).isEqualTo("0.00");
			assertThat(closed.get("writtenOff").asString()).isEqualTo("0.00");

			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).hasSize(3).allSatisfy(request -> assertThat(request.verified()).isTrue());
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(disputesOnly).isEmpty());
		}
	}

	@Test
	void aSignedSettlementAndItsPaymentReachTheCrmAsOfferSignedAndDebtClosedSettled() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		try (CrmReceiver crm = new CrmReceiver(); CrmReceiver other = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			WebhookEndpoint disputesOnly = otherEvents(agency, other);
			Debt debt = debtOf(agency, "CRM-7002");
			Offer offer = offers.find(tenant, debt.id()).orElseThrow();
			Offer signed = offers.accept(tenant, debt.id(), UUID.randomUUID(), 1, offer.offerAmount(), "Условия.");

			JsonNode data = payload(webhooks.awaitDeliveries(endpoint, 1), "offer.signed", null).get("data");
			assertThat(data.get("offerId").asString()).isEqualTo(offer.id().toString());
			assertThat(data.get("debtId").asString()).isEqualTo(debt.id().value().toString());
			assertThat(data.get("contactId").asString()).isEqualTo(debt.contactId().value().toString());
			assertThat(data.get("externalId").asString()).isEqualTo("CRM-7002");
			assertThat(data.get("discountPercent").asInt()).isEqualTo(10);
			assertThat(data.get("fullAmount").asString()).isEqualTo("30000.00");
			assertThat(data.get("sum").asString()).isEqualTo("27000.00");
			assertThat(data.get("forgivenOnPayment").asString()).isEqualTo("3000.00");
			assertThat(data.get("parts")).hasSize(1);
			assertThat(data.get("parts").get(0).get("amount").asString()).isEqualTo("27000.00");
			assertThat(data.get("parts").get(0).get("dueOn").asString())
				.isEqualTo(signed.schedule().getFirst().dueOn().toString());
			assertThat(data.get("signedAt").asString()).isEqualTo(signed.acceptedAt().toString());

			receive(agency, debt, "27000.00", "ПП-3");
			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 3);
			JsonNode closed = payload(queued, "debt.closed", null).get("data");
			assertThat(closed.get("closedAs").asString()).isEqualTo("SETTLED");
			assertThat(closed.get("paid").asString()).isEqualTo("27000.00");
			assertThat(closed.get("forgiven").asString()).isEqualTo("3000.00");
			assertThat(closed.get("writtenOff").asString()).isEqualTo("0.00");
			assertThat(payload(queued, "payment.succeeded", null).get("data").get("balanceAfter").asString())
				.isEqualTo("0.00");

			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).hasSize(3).allSatisfy(request -> assertThat(request.verified()).isTrue());
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(disputesOnly).isEmpty());
		}
	}

	@Test
	void aDebtWrittenOffReachesTheCrmWithWhatWasWrittenOff() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			Debt debt = debtOf(agency, "CRM-7003");
			receive(agency, debt, "5000.00", "ПП-4");
			debts.writeOff(tenant, debt.id());

			JsonNode closed = payload(webhooks.awaitDeliveries(endpoint, 2), "debt.closed", null).get("data");
			assertThat(closed.get("closedAs").asString()).isEqualTo("WRITTEN_OFF");
			assertThat(closed.get("paid").asString()).isEqualTo("5000.00");
			assertThat(closed.get("forgiven").asString()).isEqualTo("0.00");
			assertThat(closed.get("writtenOff").asString()).isEqualTo("25000.00");
			assertThat(closed.get("externalId").asString()).isEqualTo("CRM-7003");
		}
	}

	/** An endpoint of the tenant that chose only disputes: none of the money's events is for it. */
	private WebhookEndpoint otherEvents(Provisioned agency, CrmReceiver crm) {
		WebhookEndpoint endpoint = endpoints.add(agency.tenant().id(), crm.url(), "Только споры", List.of("dispute.opened"));
		crm.useSecret(endpoint.secret());
		return endpoint;
	}

	private Debt debtOf(Provisioned agency, String externalId) {
		Contact debtor = fixtures.contact(agency);
		jdbc.sql("update contacts set external_id = ? where tenant_id = ? and id = ?")
			.params(externalId, agency.tenant().id().value(), debtor.id().value())
			.update();
		return debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
	}

	private ReceivedPayment receive(Provisioned agency, Debt debt, String amount, String reference) {
		return payments.recordReceived(agency.tenant().id(), new PayableRef(debt.id().value()), Money.ofRoubles(amount),
				calendar.today(), reference, UUID.randomUUID().toString(), () -> true);
	}

	/** The payload of the delivery of this type (and, given, this payment). */
	private JsonNode payload(List<WebhookDelivery> queued, String type, String paymentId) {
		return queued.stream().filter(d -> d.eventType().equals(type)).map(d -> json.readTree(d.payload()))
			.filter(body -> paymentId == null || body.get("data").get("paymentId").asString().equals(paymentId))
			.findFirst().orElseThrow(() -> new AssertionError("no " + type + " among " + queued));
	}
}
