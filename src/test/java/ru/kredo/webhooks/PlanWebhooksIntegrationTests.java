package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.TextedCodes;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanBroken;
import ru.kredo.plans.PlanCompleted;
import ru.kredo.plans.PlanFellBehind;
import ru.kredo.plans.PlanReason;
import ru.kredo.plans.PlanRequested;
import ru.kredo.plans.PlanSigned;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.plans.Terms;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/**
 * A restructuring plan's moves reach the agency's CRM (issue 13): plan.requested, plan.signed, plan.behind,
 * plan.broken, plan.completed — each once however often its event is heard, signed, with ids and codes only (no
 * name, phone, income or reason given).
 */
@IntegrationTest
class PlanWebhooksIntegrationTests {

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
	Plans plans;

	@Autowired
	CabinetSignIn codes;

	@Autowired
	TextedCodes texted;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void eachMoveOfAPlanReachesTheCrmOnceSignedAndWithoutPersonalData() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		try (CrmReceiver crm = new CrmReceiver()) {
			// The plans' events only: the payment that completes a plan also sends payment.succeeded and debt.closed.
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm, List.of("plan.requested", "plan.signed",
					"plan.behind", "plan.broken", "plan.completed"));
			Debt missedDebt = debtOf(agency);
			Plan missed = sign(agency, request(agency, missedDebt));
			LocalDate late = missed.instalments().getFirst().due().plusDays(60);
			assertThat(plans.check(tenant, missed.id(), late)).isTrue();
			assertThat(plans.get(tenant, missed.id()).status()).isEqualTo(PlanStatus.BROKEN);

			Debt paidDebt = debtOf(agency, missedDebt.contactId()); // the same debtor: his name and phone sign
			Plan paid = sign(agency, request(agency, paidDebt));
			transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
					new PaymentId(UUID.randomUUID()), paidDebt.id().value(), Money.ofRoubles("30000.00"),
					calendar.today().atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant())));
			assertThat(plans.get(tenant, paid.id()).status()).isEqualTo(PlanStatus.COMPLETED);

			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 7);
			assertThat(queued).extracting(WebhookDelivery::eventType).containsExactlyInAnyOrder("plan.requested",
					"plan.signed", "plan.behind", "plan.broken", "plan.requested", "plan.signed", "plan.completed");

			// Heard again (a listener run twice): nothing more.
			Plan broken = plans.get(tenant, missed.id());
			transaction.executeWithoutResult(status -> {
				events.publishEvent(new PlanRequested(tenant, missed.id(), missedDebt.id(), missedDebt.contactId(),
						PlanStatus.AWAITING_SIGNATURE, clock.instant()));
				events.publishEvent(new PlanSigned(tenant, missed.id(), missedDebt.id(), missedDebt.contactId(),
						clock.instant()));
				events.publishEvent(new PlanFellBehind(tenant, missed.id(), missedDebt.id(), missedDebt.contactId(),
						broken.behindSince(), clock.instant()));
				events.publishEvent(new PlanBroken(tenant, missed.id(), missedDebt.id(), missedDebt.contactId(),
						broken.ending(), clock.instant()));
				events.publishEvent(new PlanCompleted(tenant, paid.id(), paidDebt.id(), paidDebt.contactId(),
						clock.instant()));
			});
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(endpoint).size() == 7);

			JsonNode behind = queued.stream().filter(d -> d.eventType().equals("plan.behind"))
				.map(d -> json.readTree(d.payload())).findFirst().orElseThrow();
			assertThat(behind.get("version").asInt()).isEqualTo(1);
			assertThat(behind.get("data").get("planId").asString()).isEqualTo(missed.id().toString());
			assertThat(behind.get("data").get("debtId").asString()).isEqualTo(missedDebt.id().toString());
			assertThat(behind.get("data").get("contactId").asString()).isEqualTo(missedDebt.contactId().toString());
			assertThat(behind.get("data").get("contractNumber").asString()).isEqualTo(missedDebt.contractNumber());
			assertThat(behind.get("data").get("behindSince").asString()).isEqualTo(broken.behindSince().toString());
			JsonNode ended = queued.stream().filter(d -> d.eventType().equals("plan.broken"))
				.map(d -> json.readTree(d.payload())).findFirst().orElseThrow();
			assertThat(ended.get("data").get("ending").asString()).isEqualTo("MISSED");
			JsonNode requested = queued.stream().filter(d -> d.eventType().equals("plan.requested"))
				.map(d -> json.readTree(d.payload())).findFirst().orElseThrow();
			assertThat(requested.get("data").get("status").asString()).isEqualTo("AWAITING_SIGNATURE");

			Contact debtor = contacts.get(tenant, missedDebt.contactId());
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).hasSize(7).allSatisfy(request -> {
				assertThat(request.verified()).isTrue();
				assertThat(request.body()).doesNotContain(debtor.name().lastName(), debtor.phone().e164().substring(1),
						"45000", "LOST_INCOME");
			});
		}
	}

	@Test
	void anotherAgencysEndpointHearsNothingOfAPlan() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		try (CrmReceiver crm = new CrmReceiver(); CrmReceiver otherCrm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm);
			WebhookEndpoint otherEndpoint = webhooks.endpoint(other, otherCrm);
			request(agency, debtOf(agency));
			webhooks.awaitDeliveries(endpoint, 1);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> webhooks.deliveriesOf(otherEndpoint).isEmpty());
		}
	}

	private Debt debtOf(Provisioned agency) {
		return debtOf(agency, fixtures.contact(agency).id());
	}

	private Debt debtOf(Provisioned agency, ru.kredo.contacts.ContactId debtor) {
		return debts.add(agency.tenant().id(), debtor, "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
	}

	/** Within the default policy (3 months): it awaits his signature at once. */
	private Plan request(Provisioned agency, Debt debt) {
		return plans.request(agency.tenant().id(), debt.contactId(), debt.id(), PlanReason.LOST_INCOME,
				Money.ofRoubles("45000"), null, new Terms.ByMonths(3), calendar.today().plusDays(10),
				Plans.debtor(debt.contactId()));
	}

	private Plan sign(Provisioned agency, Plan plan) {
		TenantId tenant = agency.tenant().id();
		Contact debtor = contacts.get(tenant, plan.debtorId());
		long sent = texted.count(tenant);
		Debt debt = debts.get(tenant, plan.debtId());
		CabinetSignIn.Challenge challenge = codes.startSignature(agency.tenant(), debtor.name(), debtor.phone(),
				debt.contractNumber());
		assertThat(codes.confirm(agency.tenant(), challenge.id(), texted.latest(tenant, (int) sent + 1)))
			.isEqualTo(debtor.id());
		return plans.sign(tenant, debtor.id(), plan.id(), challenge.id(), "План");
	}
}
