package ru.kredo.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.DebtComponent;
import ru.kredo.payments.Money;
import ru.kredo.payments.PaymentId;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.payments.PaymentStatus;
import ru.kredo.tenancy.TenantId;

/** The ЮKassa adapter against a fake ЮKassa on 127.0.0.1 that checks what a real one would. */
class YooKassaProviderTests {

	private static final String SHOP = "506751";
	private static final String SECRET = "test_secret_key";

	private final JsonMapper json = JsonMapper.builder().build();
	private final List<JsonNode> created = new CopyOnWriteArrayList<>();
	private final Map<String, String> statuses = new ConcurrentHashMap<>();
	private HttpServer server;
	private YooKassaProvider yooKassa;

	@BeforeEach
	void startFakeYooKassa() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v3/payments", this::handle);
		server.start();
		URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3");
		yooKassa = new YooKassaProvider(properties(base, SECRET), json);
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void createsAPaymentWithItsIdempotenceKeyAndReturnsTheConfirmationUrl() {
		CreatePayment request = request(PaymentMethod.SBP);

		ProviderPayment payment = yooKassa.create(request);

		assertThat(payment.id()).isEqualTo("2f1b9c5e-000f-5000-8000-1c7a3f0d1e42");
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.amount()).isEqualTo(Money.ofRoubles("1250.50"));
		assertThat(payment.confirmationUrl()).startsWith("https://yoomoney.ru/checkout/payments/v2/contract");
		assertThat(payment.tenantId()).contains(request.tenantId());
		assertThat(payment.paymentId()).contains(request.paymentId());
		JsonNode body = created.getFirst();
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

		assertThat(created.getFirst().path("payment_method_data").path("type").asString()).isEqualTo("bank_card");
	}

	@Test
	void reReadsAPaymentWithItsCurrentStatus() {
		ProviderPayment pending = yooKassa.create(request(PaymentMethod.BANK_CARD));
		statuses.put(pending.id(), "succeeded");

		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> {
			assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
			assertThat(p.json()).contains("\"paid\":true");
		});
		statuses.put(pending.id(), "waiting_for_capture");
		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.PENDING));
		statuses.put(pending.id(), "canceled");
		assertThat(yooKassa.read(pending.id())).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED));
	}

	@Test
	void aPaymentYooKassaDoesNotKnowIsNone() {
		assertThat(yooKassa.read("made-up-id")).isEmpty();
	}

	@Test
	void wrongCredentialsMakeTheProviderUnavailableRatherThanAGuess() {
		YooKassaProvider wrongKey = new YooKassaProvider(properties(
				URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3"), "wrong"), json);

		assertThatThrownBy(() -> wrongKey.create(request(PaymentMethod.SBP))).isInstanceOf(PaymentProviderUnavailable.class)
			.hasMessageContaining("401");
	}

	@Test
	void anUnreachableYooKassaIsReportedAsUnavailable() {
		server.stop(0);

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

	private void handle(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder().encodeToString((SHOP + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, """
					{"type":"error","id":"0b7c","code":"invalid_credentials","description":"Authentication error"}""");
			return;
		}
		if (exchange.getRequestMethod().equals("POST")) {
			String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
			JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
			if (key == null || !key.equals(body.path("metadata").path("kredo_payment").asString())) {
				answer(exchange, 400, "{\"type\":\"error\",\"code\":\"invalid_request\",\"parameter\":\"Idempotence-Key\"}");
				return;
			}
			created.add(body);
			String id = "2f1b9c5e-000f-5000-8000-1c7a3f0d1e42";
			statuses.putIfAbsent(id, "pending");
			answer(exchange, 200, payment(id, body));
			return;
		}
		String id = exchange.getRequestURI().getPath().substring("/v3/payments/".length());
		if (!statuses.containsKey(id)) {
			answer(exchange, 404, "{\"type\":\"error\",\"code\":\"not_found\",\"description\":\"Payment not found\"}");
			return;
		}
		answer(exchange, 200, payment(id, created.getFirst()));
	}

	private String payment(String id, JsonNode request) {
		String status = statuses.get(id);
		return """
				{"id":"%s","status":"%s","paid":%s,"amount":{"value":"%s","currency":"RUB"},
				 "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/checkout/payments/v2/contract?orderId=%s"},
				 "created_at":"2026-11-23T10:00:00.000Z","description":"%s","metadata":%s,
				 "recipient":{"account_id":"%s","gateway_id":"2053130"},"refundable":false,"test":true}"""
			.formatted(id, status, status.equals("succeeded"), request.path("amount").path("value").asString(), id,
					request.path("description").asString(), request.path("metadata"), SHOP);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static CreatePayment request(PaymentMethod method) {
		return new CreatePayment(TenantId.random(), PaymentId.random(), Money.ofRoubles("1250.50"), method,
				"https://kredo.example/back", "Kredo payment");
	}

	private static PaymentProperties properties(URI base, String secret) {
		return new PaymentProperties("yookassa", List.of(DebtComponent.values()), java.math.BigDecimal.ONE,
				new PaymentProperties.YooKassa(base, SHOP, secret, Duration.ofSeconds(5)),
				new PaymentProperties.Sandbox(false, false));
	}
}
