package ru.kredo.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.PayableRef;
import ru.kredo.payments.Payment;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.payments.Payments;
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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Payments payments;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	/**
	 * A restart (kill -9 while the payer is on the sandbox's page) forgets nothing: the restarted process — here a new
	 * sandbox on the same database — still shows the page, takes the payment and answers the same key with the same
	 * payment. Before, its payments lived in memory: the page answered 404 after a restart and Kredo's payment stayed
	 * under way, offered to continue and blocking a new one, for an hour.
	 */
	@Test
	void aPaymentLeftOnTheSandboxsPageSurvivesARestartAndIsPaidOnce() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = contacts.add(tenant, new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5), null,
				null, null, null, null);
		Debt debt = debts.add(tenant, debtor.id(), "МФО", "З-" + UUID.randomUUID(), LocalDate.of(2023, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 90);
		Payment started = payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles("1200.00"),
				PaymentMethod.SBP, "https://kredo.example/back", UUID.randomUUID().toString());
		String page = started.providerPaymentId();

		SandboxProvider restarted = new SandboxProvider(jdbc, json, clock, served -> true);
		SandboxCheckout checkout = new SandboxCheckout(restarted, notifications, properties, json);

		assertThat(restarted.find(page)).as("the page of a payment under way, after the restart").isPresent();
		assertThat(restarted.create(new CreatePayment(tenant, started.id(), Money.ofRoubles("1200.00"), PaymentMethod.SBP,
				"https://kredo.example/x", "x")).id()).as("the same key, the same payment").isEqualTo(page);
		checkout.pay(page);
		checkout.pay(page);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(jdbc.sql("select count(*) from debt_payments where payment_id = ?").param(started.id().value())
			.query(Long.class).single()).as("applied once").isEqualTo(1L);
		assertThat(sandbox.find(page).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

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
		SandboxProvider sandbox = new SandboxProvider(jdbc, json, clock, served::contains);
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
		return new SandboxProvider(jdbc, json, clock, tenants, new PaymentProperties("sandbox", properties.minimumAmount(), properties.yookassa(), new PaymentProperties.Sandbox(false, false, false)));
	}

	private static CreatePayment request(TenantId tenant) {
		return new CreatePayment(tenant, PaymentId.random(), Money.ofRoubles("100.00"), PaymentMethod.SBP,
				"https://kredo.example/cabinet/x/home", "Оплата по договору № 1");
	}
}
