package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentSucceeded;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanPolicies;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A plan combined with a discount for integrators (docs/plans.md, docs/webhooks.md): requested through
 * {@code /api/v1/plans} with {@code withDiscount}, shown as discounted with what its completion forgives, and the
 * plan's webhooks saying the same; refused with {@code plan.discount-not-allowed} in the caller's language where the
 * policy does not combine a plan with a discount.
 */
@IntegrationTest
class PlanDiscountApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	Plans plans;

	@Autowired
	PlanPolicies policies;

	@Autowired
	CabinetSignIn codes;

	@Autowired
	TextedCodes texted;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aDiscountedPlanRequestedThroughTheApiShowsItsDiscountAndItsWebhooksSayIt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		policies.save(tenant, Optional.empty(), new PlanPolicy(true, 2, 24, Money.ofRoubles("1000"), 30, 5, 15, 1, true,
				Money.ofRoubles("3000"), 0));
		String key = "Bearer " + agency.apiKey().secret();
		try (CrmReceiver crm = new CrmReceiver()) {
			// The plans' events only: the payment that completes the plan also sends payment.succeeded and debt.closed.
			WebhookEndpoint endpoint = webhooks.endpoint(agency, crm, List.of("plan.requested", "plan.signed",
					"plan.completed"));
			Debt debt = debtOf(agency);

			MvcResult created = mvc.perform(post("/api/v1/plans").header("Authorization", key)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"debtId":"%s","reason":"LOST_INCOME","months":3,"first":"%s","withDiscount":true}"""
					.formatted(debt.id().value(), calendar.today().plusDays(10)))).andReturn();
			assertThat(created.getResponse().getStatus()).isEqualTo(201);
			assertThat(created.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(
					"\"status\":\"AWAITING_SIGNATURE\"", "\"total\":\"27000.00\"", "\"discounted\":true",
					"\"discountedFrom\":\"30000.00\"", "\"forgivenOnCompletion\":\"3000.00\"");
			Plan plan = sign(agency, plans.current(tenant, debt.id()).orElseThrow());
			transaction.executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(tenant,
					new PaymentId(UUID.randomUUID()), debt.id().value(), Money.ofRoubles("27000.00"),
					calendar.today().atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant())));
			assertThat(plans.get(tenant, plan.id()).status()).isEqualTo(PlanStatus.COMPLETED);
			assertThat(mvc.perform(get("/api/v1/plans/{id}", plan.id()).header("Authorization", key)).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"COMPLETED\"",
						"\"discounted\":true", "\"forgivenOnCompletion\":\"3000.00\"", "\"left\":\"0.00\"");

			List<WebhookDelivery> queued = webhooks.awaitDeliveries(endpoint, 3);
			JsonNode completed = queued.stream().filter(d -> d.eventType().equals("plan.completed"))
				.map(d -> json.readTree(d.payload())).findFirst().orElseThrow();
			assertThat(completed.get("version").asInt()).isEqualTo(1);
			assertThat(completed.get("data").get("discounted").asBoolean()).isTrue();
			assertThat(completed.get("data").get("forgivenOnCompletion").asString()).isEqualTo("3000.00");
		}
	}

	@Test
	void aPolicyWithoutDiscountRefusesADiscountedRequestInTheCallersLanguage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		offers.addRule(agency.tenant().id(), "Скидка 10%", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		String key = "Bearer " + agency.apiKey().secret();
		Debt debt = debtOf(agency);
		String body = """
				{"debtId":"%s","reason":"LOST_INCOME","months":3,"first":"%s","withDiscount":true}"""
			.formatted(debt.id().value(), calendar.today().plusDays(10));

		MvcResult russian = mvc.perform(post("/api/v1/plans").header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(russian.getResponse().getStatus()).isEqualTo(400);
		assertThat(russian.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(
				"\"code\":\"plan.discount-not-allowed\"", "Условия агентства не позволяют сочетать план со скидкой");
		MvcResult english = mvc.perform(post("/api/v1/plans").header("Authorization", key)
			.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(
				"\"code\":\"plan.discount-not-allowed\"", "The agency does not combine a plan with a discount");
		assertThat(plans.current(agency.tenant().id(), debt.id())).isEmpty();
	}

	private Debt debtOf(Provisioned agency) {
		return debts.add(agency.tenant().id(), fixtures.contact(agency).id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1),
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 400);
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
		return plans.sign(tenant, debtor.id(), plan.id(), challenge.id(), "План со скидкой");
	}
}
