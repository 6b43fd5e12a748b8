package ru.kredo.payments;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ЮKassa's API v3 as far as Kredo uses it, on 127.0.0.1 and a free port: {@code POST /v3/payments} (HTTP Basic,
 * once per {@code Idempotence-Key}) and {@code GET /v3/payments/{id}}, which tells the truth the test set with
 * {@link #settle}. It can also be made unreachable-ish (HTTP 500), and it counts the re-reads.
 * <p>
 * It checks what ЮKassa's published API reference says, not what Kredo happens to send: {@code confirmation.return_url}
 * is an absolute URL; {@code description} at most 128 characters; a {@code receipt} has a customer (phone in E.164
 * digits, or e-mail), items with a description of at most 128 characters, a quantity and an amount above zero,
 * {@code vat_code} 1–10, a known
 * {@code payment_subject} and {@code payment_mode}, and items that add up to the payment's amount; the same
 * {@code Idempotence-Key} with the same body is the same payment, with another body an error. It can answer 500
 * ({@link #failNextCreations}) or answer too late ({@link #delayNextCreations}: the payment is created, the answer
 * comes after the client gave up) a number of times.
 */
public final class FakeYooKassa {

	public static final String SHOP = "506751";
	public static final String SECRET = "test_secret_key";

	private final JsonMapper json = JsonMapper.builder().build();
	private final HttpServer server;
	private final Map<String, JsonNode> requests = new ConcurrentHashMap<>();
	private final Map<String, String> statuses = new ConcurrentHashMap<>();
	private final Map<String, Instant> capturedAts = new ConcurrentHashMap<>();
	private final Map<String, String> refunded = new ConcurrentHashMap<>();
	private final Map<String, String> byIdempotenceKey = new ConcurrentHashMap<>();
	private final List<String> reads = new CopyOnWriteArrayList<>();
	private final List<JsonNode> created = new CopyOnWriteArrayList<>();
	private final Map<String, JsonNode> bodiesByKey = new ConcurrentHashMap<>();
	private final List<String> creationKeys = new CopyOnWriteArrayList<>();
	private final AtomicInteger failCreations = new AtomicInteger();
	private final AtomicInteger refuseCreations = new AtomicInteger();
	private final AtomicInteger delayCreations = new AtomicInteger();
	private volatile Duration delay = Duration.ZERO;
	private volatile boolean failing;

	private FakeYooKassa() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v3/payments", this::handle);
		// A late answer must not hold up the next request, as it would on the server's one default thread.
		server.setExecutor(Executors.newCachedThreadPool());
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

	/**
	 * What ЮKassa will say about the payment from now on: {@code succeeded}, {@code canceled}… A succeeded payment says
	 * when it was captured ({@code captured_at}), now.
	 */
	public void settle(String paymentId, String status) {
		settle(paymentId, status, Instant.now());
	}

	/** As {@link #settle(String, String)}, captured at {@code capturedAt} (a notification that comes late). */
	public void settle(String paymentId, String status, Instant capturedAt) {
		capturedAts.put(paymentId, capturedAt);
		statuses.put(paymentId, status);
	}

	/**
	 * The shop returns {@code amount} of a succeeded payment in ЮKassa's cabinet: the payment says so from now on
	 * ({@code refunded_amount}), and {@link #refundNotification} is what ЮKassa sends about it.
	 */
	public void refund(String paymentId, String amount) {
		refunded.put(paymentId, amount);
	}

	/**
	 * ЮKassa's {@code refund.succeeded} notification: its object is the refund (its own id, the payment's
	 * {@code payment_id}, the amount returned).
	 */
	String refundNotification(String refundId, String paymentId, String amount) {
		return """
				{"type":"notification","event":"refund.succeeded","object":{"id":"%s","payment_id":"%s","status":"succeeded",
				 "amount":{"value":"%s","currency":"RUB"},"created_at":"2026-11-23T12:00:00.000Z"}}"""
			.formatted(refundId, paymentId, amount);
	}

	/** Answer every request with HTTP 500, as ЮKassa does when it is in trouble. */
	void failing(boolean failing) {
		this.failing = failing;
	}

	/** Answer the next {@code times} {@code POST /payments} with HTTP 500 before doing anything. */
	public void failNextCreations(int times) {
		failCreations.set(times);
	}

	/** Refuse the next {@code times} {@code POST /payments} with HTTP 400, as ЮKassa refuses a request it will not take. */
	public void refuseNextCreations(int times) {
		refuseCreations.set(times);
	}

	/** Create the payment for the next {@code times} {@code POST /payments} but answer only after {@code delay}. */
	public void delayNextCreations(int times, Duration delay) {
		this.delay = delay;
		delayCreations.set(times);
	}

	/** The {@code Idempotence-Key} of every {@code POST /payments} received, failed ones included, in order. */
	public List<String> creationKeys() {
		return List.copyOf(creationKeys);
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
		if (exchange.getRequestMethod().equals("POST")) {
			creationKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotence-Key")));
		}
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
			if (refuseCreations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				invalid(exchange, "payment_method_data");
				return;
			}
			if (failCreations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				answer(exchange, 500, "{\"type\":\"error\",\"code\":\"internal_server_error\"}");
				return;
			}
			// Kredo's key is its own payment's id, which it also puts in the metadata to find the payment again.
			if (key == null || !key.equals(body.path("metadata").path("kredo_payment").asString())) {
				invalid(exchange, "Idempotence-Key");
				return;
			}
			String wrong = invalidParameter(body);
			if (wrong != null) {
				invalid(exchange, wrong);
				return;
			}
			// The same key again is the same payment, if it is the same request; another request under it is an error.
			JsonNode first = bodiesByKey.putIfAbsent(key, body);
			if (first != null && !first.equals(body)) {
				invalid(exchange, "Idempotence-Key");
				return;
			}
			String id = byIdempotenceKey.computeIfAbsent(key, k -> {
				String payment = UUID.randomUUID().toString();
				requests.put(payment, body);
				statuses.put(payment, "pending");
				created.add(body);
				return payment;
			});
			if (delayCreations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				try {
					Thread.sleep(delay);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			try {
				answer(exchange, 200, payment(id));
			}
			catch (IOException gone) {
				// The client gave up waiting: the payment exists all the same, as it would at ЮKassa.
			}
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

	/** The first parameter ЮKassa's reference would refuse, as its error's {@code parameter} names it; or null. */
	private static String invalidParameter(JsonNode body) {
		String returnUrl = body.path("confirmation").path("return_url").asString("");
		try {
			URI uri = URI.create(returnUrl);
			if (!uri.isAbsolute() || uri.getHost() == null || returnUrl.length() > 2048) {
				return "confirmation.return_url";
			}
		}
		catch (IllegalArgumentException ex) {
			return "confirmation.return_url";
		}
		String description = body.path("description").asString("");
		if (description.length() > 128) {
			return "description";
		}
		JsonNode receipt = body.path("receipt");
		if (receipt.isMissingNode()) {
			return null;
		}
		JsonNode customer = receipt.path("customer");
		String phone = customer.path("phone").asString("");
		String email = customer.path("email").asString("");
		if (phone.isEmpty() && email.isEmpty() || !phone.isEmpty() && !phone.matches("\\d{11,15}")) {
			return "receipt.customer";
		}
		JsonNode items = receipt.path("items");
		if (!items.isArray() || items.isEmpty() || items.size() > 100) {
			return "receipt.items";
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode item : items) {
			String text = item.path("description").asString("");
			if (text.isEmpty() || text.length() > 128) {
				return "receipt.items.description";
			}
			int vat = item.path("vat_code").asInt(0);
			if (vat < 1 || vat > 10) {
				return "receipt.items.vat_code";
			}
			if (!item.path("payment_subject").isMissingNode()
					&& !PAYMENT_SUBJECTS.contains(item.path("payment_subject").asString())) {
				return "receipt.items.payment_subject";
			}
			if (!item.path("payment_mode").isMissingNode()
					&& !PAYMENT_MODES.contains(item.path("payment_mode").asString())) {
				return "receipt.items.payment_mode";
			}
			// quantity and amount are required (with description and vat_code), and an item is for more than nothing.
			if (!item.path("quantity").isNumber() && !item.path("quantity").isString()
					|| new BigDecimal(item.path("quantity").asString("0")).signum() <= 0) {
				return "receipt.items.quantity";
			}
			if (!"RUB".equals(item.path("amount").path("currency").asString())
					|| new BigDecimal(item.path("amount").path("value").asString("0")).signum() <= 0) {
				return "receipt.items.amount";
			}
			sum = sum.add(new BigDecimal(item.path("amount").path("value").asString("0"))
				.multiply(new BigDecimal(item.path("quantity").asString("0"))));
		}
		if (sum.compareTo(new BigDecimal(body.path("amount").path("value").asString("0"))) != 0) {
			return "receipt.items.amount";
		}
		return null;
	}

	private static final Set<String> PAYMENT_SUBJECTS = Set.of("commodity", "excise", "job", "service", "gambling_bet",
			"gambling_prize", "lottery", "lottery_prize", "intellectual_activity", "payment", "agent_commission",
			"property_right", "non_operating_gain", "insurance_premium", "sales_tax", "resort_fee", "composite", "another",
			"fine", "tax", "lien", "cost", "agent_withdrawals", "pension_insurance_without_payouts",
			"pension_insurance_with_payouts", "health_insurance_without_payouts", "health_insurance_with_payouts",
			"health_insurance", "casino", "marked", "non_marked", "marked_excise", "non_marked_excise");
	private static final Set<String> PAYMENT_MODES = Set.of("full_prepayment", "partial_prepayment", "advance",
			"full_payment", "partial_payment", "credit", "credit_payment");

	private static void invalid(HttpExchange exchange, String parameter) throws IOException {
		answer(exchange, 400, "{\"type\":\"error\",\"code\":\"invalid_request\",\"parameter\":\"" + parameter + "\"}");
	}

	private String payment(String id) {
		JsonNode request = requests.get(id);
		String status = statuses.get(id);
		return """
				{"id":"%s","status":"%s","paid":%s,"amount":{"value":"%s","currency":"RUB"},
				 "confirmation":{"type":"redirect","confirmation_url":"https://yoomoney.ru/checkout/payments/v2/contract?orderId=%s"},
				 "created_at":"2026-11-23T10:00:00.000Z",%s%s"description":%s,"metadata":%s,
				 "recipient":{"account_id":"%s","gateway_id":"2053130"},"refundable":false,"test":true}"""
			.formatted(id, status, status.equals("succeeded"), request.path("amount").path("value").asString(), id,
					// ЮKassa's payment object has captured_at (UTC, ISO 8601) once it succeeded.
					status.equals("succeeded") && capturedAts.containsKey(id)
							? "\"captured_at\":\"" + capturedAts.get(id) + "\"," : "",
					refunded.containsKey(id)
							? "\"refunded_amount\":{\"value\":\"" + refunded.get(id) + "\",\"currency\":\"RUB\"}," : "",
					json.writeValueAsString(request.path("description").asString()), request.path("metadata"), SHOP);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
