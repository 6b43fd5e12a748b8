package ru.kredo.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The sandbox pays without money, closing debts and issuing certificates, so it serves the demo's tenants only. The
 * tests' own sandbox serves every tenant ({@code kredo.payments.sandbox.any-tenant} in the test profile); this one is
 * built as production builds it, with the setting off.
 */
@IntegrationTest
class SandboxProviderIntegrationTests {

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PaymentProperties properties;

	@Autowired
	PaymentNotifications notifications;

	@Test
	void theSandboxRefusesATenantThatIsNotTheDemos() {
		SandboxProvider sandbox = demoOnly();
		TenantId agency = fixtures.tenant(TenantKind.COLLECTOR).tenant().id();

		assertThat(sandbox.serves(agency)).isFalse();
		assertThatThrownBy(() -> sandbox.create(request(agency))).isInstanceOf(PaymentProviderUnavailable.class)
			.satisfies(ex -> assertThat(((PaymentProviderUnavailable) ex).resultUnknown()).isFalse());
	}

	@Test
	void theSandboxServesTheDemo() {
		SandboxProvider sandbox = demoOnly();
		Tenant demo = tenants.createDemo("Демо " + UUID.randomUUID().toString().substring(0, 8), TenantKind.COLLECTOR);

		assertThat(sandbox.serves(demo.id())).isTrue();
		ProviderPayment payment = sandbox.create(request(demo.id()));
		assertThat(sandbox.find(payment.id())).isPresent();
	}

	@Test
	void itsPageIsNotFoundForAPaymentOfATenantItDoesNotServe() {
		// Served when the payment was made, not any more (tenants keep their demo flag; this stands for any such case).
		Set<TenantId> served = ConcurrentHashMap.newKeySet();
		SandboxProvider sandbox = new SandboxProvider(json, clock, served::contains);
		SandboxCheckout checkout = new SandboxCheckout(sandbox, notifications, properties, json);
		TenantId agency = TenantId.random();
		served.add(agency);
		ProviderPayment payment = sandbox.create(request(agency));

		served.remove(agency);

		assertThat(sandbox.find(payment.id())).isEmpty();
		assertThat(sandbox.read(payment.id())).isEmpty();
		assertThatThrownBy(() -> checkout.pay(payment.id())).isInstanceOf(NotFound.class);
	}

	private SandboxProvider demoOnly() {
		return new SandboxProvider(json, clock, tenants, new PaymentProperties("sandbox", properties.minimumAmount(), properties.yookassa(), new PaymentProperties.Sandbox(false, false, false)));
	}

	private static CreatePayment request(TenantId tenant) {
		return new CreatePayment(tenant, PaymentId.random(), Money.ofRoubles("100.00"), PaymentMethod.SBP,
				"https://kredo.example/cabinet/x/home", "Оплата по договору № 1");
	}
}
