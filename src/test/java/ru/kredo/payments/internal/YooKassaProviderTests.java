package ru.kredo.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.DebtComponent;
import ru.kredo.payments.FakeYooKassa;
import ru.kredo.payments.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.TenantId;

/** The ЮKassa adapter against a fake ЮKassa on 127.0.0.1 that checks what a real one would. */
class YooKassaProviderTests {

	private final JsonMapper json = JsonMapper.builder().build();
	private FakeYooKassa fake;
	private YooKassaProvider yooKassa;

	@BeforeEach
	void startFakeYooKassa() {
		fake = FakeYooKassa.start();
		yooKassa = new YooKassaProvider(properties(URI.create(fake.baseUrl()), FakeYooKassa.SECRET), json);
	}

	@AfterEach
	void stop() {
		fake.stop();
	}

	@Test
	void createsAPaymentWithItsIdempotenceKeyAndReturnsTheConfirmationUrl() {
		CreatePayment request = request(PaymentMethod.SBP);

		ProviderPayment payment = yooKassa.create(request);

		assertThat(yooKassa.read(payment.id())).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(payment.id()));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.amount()).isEqualTo(Money.ofRoubles("1250.50"));
		assertThat(payment.confirmationUrl()).startsWith("https://yoomoney.ru/checkout/payments/v2/contract");
		assertThat(payment.tenantId()).contains(request.tenantId());
		assertThat(payment.paymentId()).contains(request.paymentId());
		JsonNode body = fake.created().getFirst();
		assertThat(body.path("amount").path("value").asString()).isEqualTo("1250.50");
		assertThat(body.path("amount").path("currency").asString()).isEqualTo("RUB");
		assertThat(body.path("capture").asBoolean()).isTrue();
		assertThat(body.path("confirmation").path("type").asString()).isEqualTo("redirect");
		assertThat(body.path("confirmation").path("return_url").asString()).isEqualTo("https://kredo.example/back");
		assertThat(body.path("payment_method_data").path("type").asString()).isEqualTo("sbp");
	}

	@Test
	void asksForABankCardWhenThePayerChoseOne() {
		yooKassa.create(request(PaymentMethod.BANK_CARD));

		assertThat(fake.created().getFirst().path("payment_method_data").path("type").asString()).isEqualTo("bank_card");
	}

	@Test
	void reReadsAPaymentWithItsCurrentStatus() {
		ProviderPayment pending = yooKassa.create(request(PaymentMethod.BANK_CARD));
		fake.settle(pending.id(), "succeeded");

		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> {
			assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
			assertThat(p.json()).contains("\"paid\":true");
		});
		fake.settle(pending.id(), "waiting_for_capture");
		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.PENDING));
		fake.settle(pending.id(), "canceled");
		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED));
	}

	@Test
	void aPaymentYooKassaDoesNotKnowIsNone() {
		assertThat(yooKassa.read("made-up-id")).isEmpty();
	}

	@Test
	void wrongCredentialsMakeTheProviderUnavailableRatherThanAGuess() {
		YooKassaProvider wrongKey = new YooKassaProvider(properties(URI.create(fake.baseUrl()), "wrong"), json);

		assertThatThrownBy(() -> wrongKey.create(request(PaymentMethod.SBP))).isInstanceOf(PaymentProviderUnavailable.class)
			.hasMessageContaining("401");
	}

	@Test
	void anUnreachableYooKassaIsReportedAsUnavailable() {
		fake.stop();

		assertThatThrownBy(() -> yooKassa.read("2f1b9c5e-000f-5000-8000-1c7a3f0d1e42"))
			.isInstanceOf(PaymentProviderUnavailable.class);
	}

	@Test
	void takesOnlyThePaymentIdFromANotification() {
		String notification = """
				{"type":"notification","event":"payment.succeeded","object":{"id":"2f1b9c5e-000f-5000-8000-1c7a3f0d1e42",
				 "status":"succeeded","amount":{"value":"999999.00","currency":"RUB"}}}""";

		assertThat(yooKassa.notifiedPaymentId(notification)).contains("2f1b9c5e-000f-5000-8000-1c7a3f0d1e42");
		assertThat(yooKassa.notifiedPaymentId("not json")).isEmpty();
		assertThat(yooKassa.notifiedPaymentId("{\"object\":{}}")).isEmpty();
		assertThat(yooKassa.notifiedPaymentId(null)).isEmpty();
	}

	private static CreatePayment request(PaymentMethod method) {
		return new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("1250.50"), method,
				"https://kredo.example/back", "Kredo payment");
	}

	private static PaymentProperties properties(URI base, String secret) {
		return new PaymentProperties("yookassa", List.of(DebtComponent.values()), java.math.BigDecimal.ONE,
				new PaymentProperties.YooKassa(base, FakeYooKassa.SHOP, secret, Duration.ofSeconds(5)),
				new PaymentProperties.Sandbox(false, false));
	}
}
