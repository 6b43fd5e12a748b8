package ru.kredo.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.FakeYooKassa;
import ru.kredo.money.Money;
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
		yooKassa = new YooKassaProvider(properties(URI.create(fake.baseUrl()), FakeYooKassa.SECRET, Duration.ofSeconds(5)), json);
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
		YooKassaProvider wrongKey = new YooKassaProvider(properties(URI.create(fake.baseUrl()), "wrong", Duration.ofSeconds(5)), json);

		assertThatThrownBy(() -> wrongKey.create(request(PaymentMethod.SBP))).isInstanceOf(PaymentProviderUnavailable.class)
			.hasMessageContaining("401")
			.satisfies(ex -> assertThat(((PaymentProviderUnavailable) ex).resultUnknown()).as("a 4xx created nothing").isFalse());
		assertThat(fake.creationKeys()).as("a 4xx is not retried").hasSize(1);
	}

	@Test
	void aRelativeReturnUrlIsNeverSentForThePayerWouldLandOnYooKassasOwnHost() {
		CreatePayment relative = new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("10.00"),
				PaymentMethod.SBP, "/cabinet/x/home", "Оплата по договору № 1");

		assertThatThrownBy(() -> yooKassa.create(relative)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("absolute");
		assertThat(fake.creationKeys()).isEmpty();
	}

	@Test
	void aDescriptionOverYooKassasLimitIsNeverSent() {
		CreatePayment tooLong = new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("10.00"),
				PaymentMethod.SBP, "https://kredo.example/back", "д".repeat(129));

		assertThatThrownBy(() -> yooKassa.create(tooLong)).isInstanceOf(IllegalArgumentException.class);
		assertThat(fake.creationKeys()).isEmpty();
	}

	@Test
	void aFiveHundredIsRetriedWithTheSameKeyAndMakesOnePayment() {
		fake.failNextCreations(2);
		CreatePayment request = request(PaymentMethod.SBP);

		ProviderPayment payment = yooKassa.create(request);

		assertThat(payment.paymentId()).contains(request.paymentId());
		assertThat(fake.creationKeys()).containsExactly(request.idempotenceKey(), request.idempotenceKey(),
				request.idempotenceKey());
		assertThat(fake.created()).hasSize(1);
	}

	@Test
	void aTimeOutIsRetriedWithTheSameKeyAndYooKassaAnswersWithThePaymentItCreatedTheFirstTime() {
		YooKassaProvider impatient = new YooKassaProvider(
				properties(URI.create(fake.baseUrl()), FakeYooKassa.SECRET, Duration.ofMillis(300)), json);
		fake.delayNextCreations(1, Duration.ofSeconds(2));
		CreatePayment request = request(PaymentMethod.SBP);

		ProviderPayment payment = impatient.create(request);

		assertThat(fake.creationKeys()).containsExactly(request.idempotenceKey(), request.idempotenceKey());
		assertThat(fake.created()).as("one payment, however often asked").hasSize(1);
		assertThat(payment.paymentId()).contains(request.paymentId());
	}

	@Test
	void whenEveryTryFailsTheResultIsUnknownAndTheTriesAreBounded() {
		fake.failNextCreations(10);

		assertThatThrownBy(() -> yooKassa.create(request(PaymentMethod.SBP))).isInstanceOf(PaymentProviderUnavailable.class)
			.satisfies(ex -> assertThat(((PaymentProviderUnavailable) ex).resultUnknown()).isTrue());
		assertThat(fake.creationKeys()).hasSize(3);
	}

	@Test
	void aReceiptNamesThePayerAndRepaysTheDebtForTheWholeAmount() {
		CreatePayment request = new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("1250.50"),
				PaymentMethod.BANK_CARD, "https://kredo.example/back", "Оплата по договору № КД-1 от 01.02.2021, ООО ПКО «Тест»",
				new FiscalReceipt("79165551234", null, "Оплата по договору № КД-1 от 01.02.2021, ООО ПКО «Тест»",
						Money.ofRoubles("1250.50")));

		yooKassa.create(request);

		JsonNode receipt = fake.created().getFirst().path("receipt");
		assertThat(receipt.path("customer").path("phone").asString()).isEqualTo("79165551234");
		assertThat(receipt.path("items")).hasSize(1);
		JsonNode item = receipt.path("items").get(0);
		assertThat(item.path("amount").path("value").asString()).isEqualTo("1250.50");
		assertThat(item.path("quantity").asInt()).isEqualTo(1);
		assertThat(item.path("vat_code").asInt()).isEqualTo(1);
		assertThat(item.path("payment_subject").asString()).isEqualTo("payment");
		assertThat(item.path("payment_mode").asString()).isEqualTo("credit_payment");
		assertThat(item.path("description").asString()).contains("КД-1");
	}

	@Test
	void aReceiptForAnotherSumThanThePaymentsIsNeverSent() {
		CreatePayment request = new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("1250.50"),
				PaymentMethod.BANK_CARD, "https://kredo.example/back", "Оплата",
				new FiscalReceipt("79165551234", null, "Оплата", Money.ofRoubles("1250.00")));

		assertThatThrownBy(() -> yooKassa.create(request)).isInstanceOf(IllegalArgumentException.class);
		assertThat(fake.creationKeys()).isEmpty();
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

	private static PaymentProperties properties(URI base, String secret, Duration timeout) {
		return new PaymentProperties("yookassa", java.math.BigDecimal.ONE,
				new PaymentProperties.YooKassa(base, FakeYooKassa.SHOP, secret, timeout, 3, Duration.ofMillis(20)),
				new PaymentProperties.Sandbox(false, false, false));
	}
}
