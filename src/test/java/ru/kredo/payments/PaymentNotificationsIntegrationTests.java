package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.money.Money;
import ru.kredo.payments.internal.SandboxCheckout;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * A payment through the sandbox provider, and the notifications a provider sends about it: the balance-changing
 * event comes once per payment, whatever is repeated, late or made up.
 */
@IntegrationTest
@RecordApplicationEvents
class PaymentNotificationsIntegrationTests {

	private static final String NOTIFICATIONS = "/payments/notifications/sandbox";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Payments payments;

	@Autowired
	SandboxCheckout sandbox;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPayerPaysOnTheSandboxPageAndThePaymentSucceedsOnce() throws Exception {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());
		Payment started = payments.start(tenant, debt, Money.ofRoubles("1250.50"), PaymentMethod.SBP, "/cabinet/paid",
				UUID.randomUUID().toString());
		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(started.confirmationUrl()).isEqualTo("/payments/sandbox/" + started.providerPaymentId());

		mvc.perform(get(started.confirmationUrl()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Оплатить")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("1250.50")));
		mvc.perform(post(started.confirmationUrl() + "/pay").with(csrf()))
			.andExpect(redirectedUrl("/cabinet/paid"));

		Payment paid = payments.get(tenant, started.id());
		assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(paid.settledAt()).isNotNull();
		// The sandbox notified twice and then replayed a stale "pending": still one event.
		assertThat(events.stream(PaymentSucceeded.class)).singleElement().satisfies(event -> {
			assertThat(event.tenantId()).isEqualTo(tenant);
			assertThat(event.paymentId()).isEqualTo(started.id());
			assertThat(event.debtId()).isEqualTo(debt.debtId());
			assertThat(event.amount()).isEqualTo(Money.ofRoubles("1250.50"));
			assertThat(event.succeededAt()).isEqualTo(paid.settledAt());
		});
		assertThat(payments.receipt(tenant, started.id())).contains("\"succeeded\"", "1250.50");
		assertThat(payments.ofPayable(tenant, debt)).extracting(Payment::id).containsExactly(started.id());
	}

	@Test
	void aDuplicateNotificationDoesNotPayTwice() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "500");
		sandbox.pay(started.providerPaymentId());
		String succeeded = sandbox.notificationBody(started.providerPaymentId(), PaymentStatus.SUCCEEDED);

		notify(succeeded);
		notify(succeeded);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.stream(PaymentSucceeded.class)).hasSize(1);
	}

	@Test
	void aStalePendingNotificationAfterSuccessLeavesThePaymentSucceeded() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "500");
		sandbox.pay(started.providerPaymentId());

		notify(sandbox.notificationBody(started.providerPaymentId(), PaymentStatus.PENDING));
		notify(sandbox.notificationBody(started.providerPaymentId(), PaymentStatus.CANCELED));

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.stream(PaymentSucceeded.class)).hasSize(1);
	}

	@Test
	void aForgedSucceededNotificationForAPendingPaymentChangesNothing() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "500");

		notify(sandbox.notificationBody(started.providerPaymentId(), PaymentStatus.SUCCEEDED));
		notify("""
				{"type":"notification","event":"payment.succeeded","object":{"id":"%s","status":"succeeded",
				 "amount":{"value":"500.00","currency":"RUB"},"metadata":{"kredo_tenant":"%s","kredo_payment":"%s"}}}"""
			.formatted(UUID.randomUUID(), tenant, started.id()));
		notify("not json at all");
		notify("");

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(events.stream(PaymentSucceeded.class)).isEmpty();
	}

	@Test
	void aNotificationNamingAnotherProviderIsIgnored() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "500");
		sandbox.pay(started.providerPaymentId());

		mvc.perform(post("/payments/notifications/yookassa").contentType(MediaType.APPLICATION_JSON)
			.content(sandbox.notificationBody(started.providerPaymentId(), PaymentStatus.SUCCEEDED)))
			.andExpect(status().isOk());

		assertThat(events.stream(PaymentSucceeded.class)).hasSize(1);
	}

	@Test
	void aDeclinedPaymentIsCanceledAndPaysNothing() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "700");

		mvc.perform(post(started.confirmationUrl() + "/decline").with(csrf())).andExpect(redirectedUrl("/back"));

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(payments.receipt(tenant, started.id())).contains("insufficient_funds");
		assertThat(events.stream(PaymentSucceeded.class)).isEmpty();
		mvc.perform(get(started.confirmationUrl()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Платёж уже завершён")));
	}

	@Test
	void aPayerWhoCancelsLeavesACanceledPaymentThatCannotBePaidLater() throws Exception {
		TenantId tenant = collector();
		Payment started = start(tenant, "700");
		sandbox.cancel(started.providerPaymentId());

		sandbox.pay(started.providerPaymentId());

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.CANCELED);
		assertThat(events.stream(PaymentSucceeded.class)).isEmpty();
	}

	@Test
	void theSameIdempotenceKeyStartsOnePayment() {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());
		String key = UUID.randomUUID().toString();

		Payment first = payments.start(tenant, debt, Money.ofRoubles("300"), PaymentMethod.BANK_CARD, "/back", key);
		Payment again = payments.start(tenant, debt, Money.ofRoubles("300"), PaymentMethod.BANK_CARD, "/back", key);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.providerPaymentId()).isEqualTo(first.providerPaymentId());
		assertThat(payments.ofPayable(tenant, debt)).hasSize(1);
		assertThatThrownBy(() -> payments.start(tenant, debt, Money.ofRoubles("301"), PaymentMethod.BANK_CARD, "/back", key))
			.isInstanceOf(Rejected.class).hasMessage("payment.idempotence-key-reused");
	}

	@Test
	void paymentsUnderWayCountAgainstWhatIsOwed() {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());
		Money owed = Money.ofRoubles("500");
		String key = UUID.randomUUID().toString();

		Payment first = within(owed, tenant, debt, "300", key);
		assertThat(first.status()).isEqualTo(PaymentStatus.PENDING);
		// The same request again (a double click) is the same payment.
		assertThat(within(owed, tenant, debt, "300", key).id()).isEqualTo(first.id());
		// Another 300 from a second tab would come to 600.
		assertThatThrownBy(() -> within(owed, tenant, debt, "300", UUID.randomUUID().toString()))
			.isInstanceOf(Rejected.class).hasMessage("payment.under-way")
			.satisfies(ex -> assertThat(((Rejected) ex).arguments()).containsExactly("300,00", "200,00"));
		within(owed, tenant, debt, "200", UUID.randomUUID().toString());
		// A canceled payment is no longer under way: its 300 may be paid again.
		sandbox.cancel(first.providerPaymentId());
		assertThat(within(owed, tenant, debt, "300", UUID.randomUUID().toString()).status()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void aPaymentAboveWhatIsOwedIsRefusedEvenWithNothingUnderWayAndARepaidDebtTakesNone() {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());

		assertThatThrownBy(() -> within(Money.ofRoubles("500"), tenant, debt, "500.01", UUID.randomUUID().toString()))
			.isInstanceOf(Rejected.class).hasMessage("payment.exceeds-balance");
		assertThatThrownBy(() -> within(Money.ZERO, tenant, debt, "100", UUID.randomUUID().toString()))
			.isInstanceOf(Rejected.class).hasMessage("payment.exceeds-balance");
		assertThat(payments.ofPayable(tenant, debt)).isEmpty();
	}

	@Test
	void aPaymentTheProviderNeverTookHoldsNothingUpOnceItsAnswerIsOverdue() {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());
		Money owed = Money.ofRoubles("500");
		Payment sent = within(owed, tenant, debt, "500", UUID.randomUUID().toString());
		// As if the provider had not answered: still being sent…
		jdbc.sql("update payments set status = 'CREATED', created_at = now() where id = ?").param(sent.id().value()).update();
		assertThatThrownBy(() -> within(owed, tenant, debt, "500", UUID.randomUUID().toString()))
			.isInstanceOf(Rejected.class).hasMessage("payment.under-way");
		// …and a minute later, long past the provider's timeout: it can never be paid, so it no longer counts.
		jdbc.sql("update payments set created_at = now() - interval '1 minute' where id = ?").param(sent.id().value()).update();

		assertThat(within(owed, tenant, debt, "500", UUID.randomUUID().toString()).status()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void twoTabsPayingTheWholeBalanceAtOnceStartOnePayment() throws Exception {
		TenantId tenant = collector();
		PayableRef debt = new PayableRef(UUID.randomUUID());
		Money owed = Money.ofRoubles("700");
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.Callable<Object> tab = () -> {
			together.await();
			try {
				return within(owed, tenant, debt, "700", UUID.randomUUID().toString());
			}
			catch (Rejected rejected) {
				return rejected.getMessage();
			}
		};
		try (java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var one = tabs.submit(tab);
			var other = tabs.submit(tab);

			assertThat(java.util.List.of(one.get(), other.get())).filteredOn(Payment.class::isInstance).hasSize(1);
			assertThat(java.util.List.of(one.get(), other.get())).contains("payment.under-way");
		}
		assertThat(payments.ofPayable(tenant, debt)).hasSize(1);
	}

	@Test
	void anotherTenantCannotSeeAPayment() {
		TenantId owner = collector();
		TenantId other = collector();
		Payment started = start(owner, "100");

		assertThatThrownBy(() -> payments.get(other, started.id())).isInstanceOf(NotFound.class)
			.hasMessageContaining("payment.not-found");
		assertThatThrownBy(() -> payments.receipt(other, started.id())).isInstanceOf(NotFound.class);
		assertThat(payments.ofPayable(other, started.payable())).isEmpty();
	}

	@Test
	void refusesAPaymentBelowTheMinimum() {
		assertThatThrownBy(() -> start(collector(), "0.99")).isInstanceOf(Rejected.class)
			.hasMessage("payment.below-minimum");
	}

	@Test
	void aMadeUpSandboxPageIsNotFound() throws Exception {
		mvc.perform(get("/payments/sandbox/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	private void notify(String body) throws Exception {
		// No CSRF token and no session, as from a provider.
		mvc.perform(post(NOTIFICATIONS).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
	}

	private Payment start(TenantId tenant, String roubles) {
		return payments.start(tenant, new PayableRef(UUID.randomUUID()), Money.ofRoubles(roubles), PaymentMethod.BANK_CARD,
				"/back", UUID.randomUUID().toString());
	}

	private Payment within(Money limit, TenantId tenant, PayableRef debt, String roubles, String key) {
		return payments.startWithin(() -> limit, tenant, debt, Money.ofRoubles(roubles), PaymentMethod.BANK_CARD, "/back", key,
				PaymentDetails.UNKNOWN_PAYER);
	}

	private TenantId collector() {
		return fixtures.tenant(TenantKind.COLLECTOR).tenant().id();
	}
}
