package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.kredo.Fixtures;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * ЮKassa notifications as they really arrive: Kredo runs on a port with the ЮKassa adapter, a fake ЮKassa stands in
 * for api.yookassa.ru, and each notification is POSTed to the public endpoint over HTTP, with no session and no
 * CSRF token. What the body says is never believed: the payment is re-read from ЮKassa, and only its answer moves
 * the payment and the debt — once. (The sandbox provider's twin of these cases is
 * {@link PaymentNotificationsIntegrationTests}; this is the real adapter end to end.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class YooKassaNotificationsIntegrationTests {

	static final FakeYooKassa yooKassa = FakeYooKassa.start();

	@DynamicPropertySource
	static void yooKassaInsteadOfTheSandbox(DynamicPropertyRegistry properties) {
		properties.add("kredo.payments.provider", () -> "yookassa");
		properties.add("kredo.payments.yookassa.base-url", yooKassa::baseUrl);
		properties.add("kredo.payments.yookassa.shop-id", () -> FakeYooKassa.SHOP);
		properties.add("kredo.payments.yookassa.secret-key", () -> FakeYooKassa.SECRET);
	}

	@AfterAll
	static void stopYooKassa() {
		yooKassa.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	Payments payments;

	private final HttpClient http = HttpClient.newHttpClient();
	private TenantId tenant;
	private Debt debt;

	@BeforeEach
	void aDebtOfTenThousand() {
		var agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		Contact debtor = fixtures.contact(agency);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 200);
	}

	@Test
	void aGenuineNotificationIsReReadFromYooKassaAndPaysTheDebtOnceHoweverOftenItComes() throws Exception {
		Payment started = start("2500.00");
		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(started.confirmationUrl()).startsWith("https://yoomoney.ru/checkout/");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		String notification = yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00");

		assertThat(notify(notification)).isEqualTo(200);
		assertThat(notify(notification)).isEqualTo(200);

		assertThat(yooKassa.reads(started.providerPaymentId())).isEqualTo(2);
		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payments.receipt(tenant, started.id())).containsPattern("\"paid\":\\s*true").contains(FakeYooKassa.SHOP);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
		assertThat(debts.payments(tenant, debt.id())).hasSize(1);
	}

	@Test
	void aForgedNotificationChangesNothing() throws Exception {
		Payment started = start("2500.00");

		// The body claims success, ЮKassa says the payer has not paid.
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00"))).isEqualTo(200);
		// A payment ЮKassa never heard of, and one claiming a bigger sum.
		assertThat(notify(yooKassa.notification(UUID.randomUUID().toString(), "succeeded", "10000.00"))).isEqualTo(200);
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "10000.00"))).isEqualTo(200);
		assertThat(notify("{\"type\":\"notification\",\"event\":\"payment.succeeded\"}")).isEqualTo(200);

		assertThat(yooKassa.reads(started.providerPaymentId())).isEqualTo(2);
		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("10000.00"));
		assertThat(debts.payments(tenant, debt.id())).isEmpty();
	}

	@Test
	void aCanceledNotificationAfterSuccessDoesNotUndoThePayment() throws Exception {
		Payment started = start("2500.00");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		notify(yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00"));

		// A late "canceled": first as a stale body while ЮKassa still says succeeded, then with ЮKassa itself saying so.
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "canceled", "2500.00"))).isEqualTo(200);
		yooKassa.settle(started.providerPaymentId(), "canceled");
		assertThat(notify(yooKassa.notification(started.providerPaymentId(), "canceled", "2500.00"))).isEqualTo(200);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payments.receipt(tenant, started.id())).containsPattern("\"status\":\\s*\"succeeded\"");
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
		assertThat(debts.payments(tenant, debt.id())).hasSize(1);
	}

	@Test
	void whenYooKassaCannotBeAskedTheNotificationIsRefusedSoThatItIsSentAgain() throws Exception {
		Payment started = start("2500.00");
		yooKassa.settle(started.providerPaymentId(), "succeeded");
		String notification = yooKassa.notification(started.providerPaymentId(), "succeeded", "2500.00");

		yooKassa.failing(true);
		try {
			assertThat(notify(notification)).isEqualTo(503);
			assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.PENDING);
		}
		finally {
			yooKassa.failing(false);
		}
		assertThat(notify(notification)).isEqualTo(200);

		assertThat(payments.get(tenant, started.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(debts.get(tenant, debt.id()).total()).isEqualTo(Money.ofRoubles("7500.00"));
	}

	private Payment start(String roubles) {
		return payments.start(tenant, new PayableRef(debt.id().value()), Money.ofRoubles(roubles), PaymentMethod.SBP,
				"https://kredo.example/cabinet/back", UUID.randomUUID().toString());
	}

	/** POSTs a notification to Kredo's public endpoint as ЮKassa does: JSON, no cookie, no CSRF token. */
	private int notify(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/payments/notifications/yookassa"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
