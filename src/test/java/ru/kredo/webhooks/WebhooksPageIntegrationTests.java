package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;

/** What a tenant admin does on the webhooks pages, checked against a real receiver. */
@IntegrationTest
class WebhooksPageIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{44}");

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
	Clock clock;

	@Test
	void anAdminAddsAnEndpointSeesItsSecretAndATestEventArrivesSigned() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			String location = mvc.perform(post("/webhooks").param("url", crm.url()).param("description", "Битрикс24")
				.with(user(fixtures.admin(broker))).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
			String page = page(broker, location);
			Matcher secret = SECRET.matcher(page);
			assertThat(secret.find()).as("the secret is on the endpoint page").isTrue();
			crm.useSecret(new WebhookSecret(secret.group()));
			assertThat(page(broker, "/webhooks")).contains(crm.url(), "Битрикс24");

			mvc.perform(post(location + "/test").with(user(fixtures.admin(broker))).with(csrf()))
				.andExpect(status().is3xxRedirection());
			dispatch.dispatchDue(clock.instant());

			assertThat(crm.received()).singleElement().satisfies(request -> {
				assertThat(request.verified()).isTrue();
				assertThat(request.body()).contains("\"type\":\"webhook.test\"");
			});
			assertThat(page(broker, location)).contains("webhook.test", "доставлено");
		}
	}

	@Test
	void refusesAnEndpointThatIsNotHttpWithAMessage() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		String page = mvc.perform(post("/webhooks").param("url", "ftp://crm.example.ru/hook")
			.with(user(fixtures.admin(broker))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Адрес должен начинаться с https:// или http://.");
		assertThat(endpoints.all(broker.tenant().id())).isEmpty();
	}

	@Test
	void anAdminRedeliversAMessageWithTheSameWebhookId() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			webhooks.raise(broker);
			WebhookDelivery delivery = webhooks.awaitDeliveries(endpoint, 1).getFirst();
			dispatch.dispatchDue(clock.instant());

			mvc.perform(post("/webhooks/deliveries/{id}/redeliver", delivery.id().value())
				.with(user(fixtures.admin(broker))).with(csrf()))
				.andExpect(status().is3xxRedirection());
			assertThat(webhooks.delivery(delivery).status()).isEqualTo(DeliveryStatus.PENDING);
			dispatch.dispatchDue(clock.instant());

			assertThat(crm.received()).hasSize(2).allMatch(CrmReceiver.Received::verified)
				.extracting(CrmReceiver.Received::id).containsOnly(delivery.messageId());
			assertThat(webhooks.delivery(delivery).attempts()).extracting(WebhookAttempt::statusCode).containsExactly(200, 200);
		}
	}

	@Test
	void afterRotatingTheSecretTheOldOneVerifiesUntilTheWindowEndsThenOnlyTheNewOne() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);

			mvc.perform(post("/webhooks/{id}/rotate-secret", endpoint.id().value())
				.with(user(fixtures.admin(broker))).with(csrf()))
				.andExpect(status().is3xxRedirection());
			WebhookEndpoint rotated = endpoints.get(broker.tenant().id(), endpoint.id());
			assertThat(rotated.secret()).isNotEqualTo(endpoint.secret());
			assertThat(page(broker, "/webhooks/" + endpoint.id())).contains("previous-secret",
					"Прежний секрет тоже подписывает запросы до");

			// The CRM still holds the old secret: within the window it accepts.
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).singleElement().satisfies(r -> assertThat(r.verified()).isTrue());

			// After it, it no longer does until given the new one.
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 2);
			java.time.Instant after = rotated.previousSecretUntil().plusSeconds(1);
			dispatch.dispatchDue(after);
			assertThat(crm.received()).last().satisfies(r -> assertThat(r.verified()).isFalse());
			crm.useSecret(rotated.secret());
			dispatch.dispatchDue(after.plusSeconds(5));
			assertThat(crm.received()).last().satisfies(r -> assertThat(r.verified()).isTrue());
		}
	}

	@Test
	void anAdminChoosesWhichEventsAnEndpointReceives() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		assertThat(page(broker, "/webhooks")).contains("name=\"eventTypes\"", "value=\"signal.raised\"",
				"Какие события отправлять", "value=\"signal.folded\"", "value=\"signal.outcome_recorded\"",
				"value=\"list_import.finished\"", "value=\"payment.succeeded\"", "value=\"offer.signed\"",
				"value=\"debt.closed\"", "Долг закрыт");

		String location = mvc.perform(post("/webhooks").param("url", "https://crm.example.ru/kredo")
			.param("eventTypes", "signal.raised").with(user(fixtures.admin(broker))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		assertThat(endpoints.all(broker.tenant().id())).singleElement()
			.satisfies(e -> assertThat(e.eventTypes()).containsExactly("signal.raised"));
		assertThat(page(broker, location)).contains("endpoint-event-types", "Новый сигнал");

		// Changed on its page: nothing checked is every type.
		mvc.perform(post(location + "/event-types").with(user(fixtures.admin(broker))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(endpoints.all(broker.tenant().id())).singleElement()
			.satisfies(e -> assertThat(e.eventTypes()).isEmpty());
		assertThat(page(broker, location)).contains("все события");
		mvc.perform(post(location + "/event-types").param("eventTypes", "plan.signed", "signal.raised")
			.with(user(fixtures.admin(broker))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(endpoints.all(broker.tenant().id())).singleElement()
			.satisfies(e -> assertThat(e.eventTypes()).containsExactly("signal.raised", "plan.signed"));
	}

	@Test
	void aDisabledEndpointShowsANoticeAndTheAdminCanEnableItAgain() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			WebhookEndpoint endpoint = webhooks.endpoint(broker, crm);
			endpoints.disable(broker.tenant().id(), endpoint.id(), DisabledReason.FAILING, clock.instant());

			assertThat(page(broker, "/webhooks")).contains("failing-notice", "доставки на него не проходили больше суток");
			assertThat(page(broker, "/webhooks/" + endpoint.id())).contains("failing-notice", "Отключён автоматически");
			mvc.perform(post("/webhooks/{id}/enabled", endpoint.id().value()).param("enabled", "true")
				.with(user(fixtures.admin(broker))).with(csrf()))
				.andExpect(status().is3xxRedirection());

			assertThat(endpoints.get(broker.tenant().id(), endpoint.id()).enabled()).isTrue();
			assertThat(page(broker, "/webhooks")).doesNotContain("failing-notice");
		}
	}

	@Test
	void aManagerCannotManageWebhooks() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(broker).email().value());

		mvc.perform(get("/webhooks").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/webhooks").param("url", "https://crm.example.ru/").with(user(manager)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	private String page(Provisioned tenant, String path) throws Exception {
		return mvc.perform(get(path).with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
