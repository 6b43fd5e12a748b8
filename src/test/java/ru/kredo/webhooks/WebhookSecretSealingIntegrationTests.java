package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.internal.WebhookDispatch;
import ru.kredo.webhooks.internal.WebhookSecrets;

/** A webhook secret is sealed at rest, yet the CRM verifies with the secret the admin copied, before and after sealing. */
@IntegrationTest
class WebhookSecretSealingIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{40,}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookFixtures webhooks;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookSecrets secrets;

	@Autowired
	WebhookDispatch dispatch;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theRowHoldsNoPlaintextSecretAndDeliveriesVerifyWithTheSecretShownToTheAdmin() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		try (CrmReceiver crm = new CrmReceiver()) {
			String location = mvc.perform(post("/webhooks").param("url", crm.url()).param("description", "amoCRM")
				.with(user(fixtures.admin(broker))).with(csrf())).andReturn().getResponse().getRedirectedUrl();
			Matcher shown = SECRET.matcher(mvc.perform(get(location).with(user(fixtures.admin(broker)))).andReturn()
				.getResponse().getContentAsString());
			assertThat(shown.find()).as("the secret is on the endpoint page").isTrue();
			String secret = shown.group();
			crm.useSecret(new WebhookSecret(secret));
			UUID id = UUID.fromString(location.substring("/webhooks/".length()));

			assertNoPlaintext(broker, id, secret);
			Map<String, Object> row = row(broker, id);
			assertThat(personalData.open("webhook_endpoints.secret", new Sealed((byte[]) row.get("secret_sealed"))))
				.isEqualTo(secret);

			WebhookEndpoint endpoint = endpoints.get(broker.tenant().id(), new WebhookEndpointId(id));
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());

			assertThat(crm.received()).singleElement().satisfies(request -> assertThat(request.verified()).isTrue());

			WebhookSecret rotated = endpoints.rotateSecret(broker.tenant().id(), endpoint.id()).secret();
			assertThat(rotated.value()).isNotEqualTo(secret);
			assertNoPlaintext(broker, id, rotated.value());
		}
	}

	@Test
	void anEndpointStoredInPlaintextBeforeSealingStillSignsAndIsSealedWithTheSameSecret() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		WebhookSecret old = WebhookSecret.generate(new SecureRandom());
		try (CrmReceiver crm = new CrmReceiver()) {
			UUID id = UUID.randomUUID();
			// As the table held it before V202611232000: the secret in plaintext, nothing sealed.
			jdbc.sql("""
					insert into webhook_endpoints (id, tenant_id, url, description, secret, enabled, created_at)
					values (?, ?, ?, 'CRM', ?, true, ?)""")
				.params(id, broker.tenant().id().value(), crm.url(), old.value(), Timestamp.from(clock.instant()))
				.update();
			crm.useSecret(old);
			WebhookEndpoint endpoint = endpoints.get(broker.tenant().id(), new WebhookEndpointId(id));
			assertThat(endpoint.secret()).isEqualTo(old);

			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 1);
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).singleElement().satisfies(request -> assertThat(request.verified()).isTrue());

			assertThat(secrets.sealPlaintext()).isGreaterThanOrEqualTo(1);

			assertNoPlaintext(broker, id, old.value());
			byte[] sealed = (byte[]) row(broker, id).get("secret_sealed");
			assertThat(endpoints.get(broker.tenant().id(), endpoint.id()).secret()).isEqualTo(old);
			webhooks.raise(broker);
			webhooks.awaitDeliveries(endpoint, 2);
			dispatch.dispatchDue(clock.instant());
			assertThat(crm.received()).hasSize(2).allSatisfy(request -> assertThat(request.verified()).isTrue());

			secrets.sealPlaintext();
			assertThat((byte[]) row(broker, id).get("secret_sealed")).as("sealed once, not again at every start")
				.isEqualTo(sealed);
		}
	}

	private void assertNoPlaintext(Provisioned tenant, UUID id, String secret) {
		Map<String, Object> row = row(tenant, id);
		assertThat(row.get("secret")).isNull();
		assertThat((byte[]) row.get("secret_sealed")).isNotEmpty();
		String wholeRow = jdbc.sql("select w::text from webhook_endpoints w where tenant_id = ? and id = ?")
			.params(tenant.tenant().id().value(), id).query(String.class).single();
		assertThat(wholeRow).doesNotContain("whsec_", secret.substring("whsec_".length()));
	}

	private Map<String, Object> row(Provisioned tenant, UUID id) {
		return jdbc.sql("select secret, secret_sealed from webhook_endpoints where tenant_id = ? and id = ?")
			.params(tenant.tenant().id().value(), id).query().singleRow();
	}
}
