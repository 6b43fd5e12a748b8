package ru.kredo.payments;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ЮKassa's API v3 as far as Kredo uses it, on 127.0.0.1 and a free port: {@code POST /v3/payments} (HTTP Basic,
 * once per {@code Idempotence-Key}) and {@code GET /v3/payments/{id}}, which tells the truth the test set with
 * {@link #settle}. It can also be made unreachable-ish (HTTP 500), and it counts the re-reads.
 */
public final class FakeYooKassa {

	public static final String SHOP = "506751";
	public static final String SECRET = "test_secret_key";

	private final JsonMapper json = JsonMapper.builder().build();
	private final HttpServer server;
	private final Map<String, JsonNode> requests = new ConcurrentHashMap<>();
	private final Map<String, String> statuses = new ConcurrentHashMap<>();
	private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
	private final List<String> reads = new CopyOnWriteArrayList<>();
	private final List<JsonNode> created = new CopyOnWriteArrayList<>();
	private volatile boolean failing;

	private FakeYooKassa() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v3/payments", this::handle);
		server.start();
	}

	public static FakeYooKassa start() {
		try {
			return new FakeYooKassa();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
	}

	/** What ЮKassa will say about the payment from now on: {@code succeeded}, {@code canceled}… */
	public void settle(String paymentId, String status) {
		statuses.put(paymentId, status);
	}

	/** Answer every request with HTTP 500, as ЮKassa does when it is in trouble. */
	void failing(boolean failing) {
		this.failing = failing;
	}

	/** How many times Kredo re-read this payment. */
	long reads(String paymentId) {
		return reads.stream().filter(paymentId::equals).count();
	}

	/** A notification as ЮKassa sends it, for the payment as ЮKassa knows it now (or as a forger claims it). */
	String notification(String paymentId, String status, String amount) {
		return """
				{"type":"notification","event":"payment.%s","object":{"id":"%s","status":"%s","paid":%s,
				 "amount":{"value":"%s","currency":"RUB"},"created_at":"2026-11-23T10:00:00.000Z","test":true}}"""
			.formatted(status, paymentId, status, status.equals("succeeded"), amount);
	}

	/** The bodies of the payments created so far, in order. */
	public List<JsonNode> created() {
		return List.copyOf(created);
	}

	public void stop() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder().encodeToString((SHOP + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, "{\"type\":\"error\",\"code\":\"invalid_credentials\"}");
			return;
		}
		if (failing) {
			answer(exchange, 500, "{\"type\":\"error\",\"code\":\"internal_server_error\"}");
			return;
		}
		if (exchange.getRequestMethod().equals("POST")) {
			String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
			JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
			// Kredo's key is its own payment's id, which it also puts in the metadata to find the payment again.
			if (key == null || !key.equals(body.path("metadata").path("kredo_payment").asString())) {
				answer(exchange, 400, "{\"type\":\"error\",\"code\":\"invalid_request\",\"parameter\":\"Idempotence-Key\"}");
				return;
			}
			String id = byIdempotenceKey.computeIfAbsent(key, k -> {
				String payment = UUID.randomUUID().toString();
				requests.put(payment, body);
				statuses.put(payment, "pending");
				created.add(body);
				return payment;
			});
			answer(exchange, 200, payment(id));
			return;
		}
		String id = exchange.getRequestURI().getPath().substring("/v3/payments/".length());
		reads.add(id);
		if (!requests.containsKey(id)) {
			answer(exchange, 404, "{\"type\":\"error\",\"code\":\"not_found\",\"description\":\"Payment not found\"}");
			return;
		}
		answer(exchange, 200, payment(id));
	}

	private String payment(String id) {
		JsonNode request = requests.get(id);
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
}
