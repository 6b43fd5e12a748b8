package ru.kredo.payments.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.PaymentProviderUnavailable;
import ru.kredo.tenancy.TenantId;

/**
 * ЮKassa's API v3: {@code POST /payments} with an {@code Idempotence-Key} and a redirect confirmation, and
 * {@code GET /payments/{id}} to re-read a payment. Authenticated with HTTP Basic, the shop id and the secret key, which
 * are one shop for the whole installation ({@code kredo.payments.yookassa.*}).
 * <p>
 * A request that times out, loses its connection or gets a 5xx is sent again, the same body with the same
 * {@code Idempotence-Key} (ЮKassa answers a repeated key with the payment it created the first time), up to
 * {@code attempts} times with a doubling back-off; a 4xx is final at once.
 */
@Component
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = YooKassaProvider.NAME)
public class YooKassaProvider implements PaymentProvider {

	static final String NAME = "yookassa";

	private static final Logger log = LoggerFactory.getLogger(YooKassaProvider.class);

	private final PaymentProperties.YooKassa settings;
	private final YooKassaJson json;
	private final HttpClient http;

	public YooKassaProvider(PaymentProperties properties, JsonMapper json) {
		this.settings = properties.yookassa();
		this.json = new YooKassaJson(json);
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean serves(TenantId tenant) {
		return settings.configured();
	}

	@Override
	public ProviderPayment create(CreatePayment payment) {
		String body = json.createRequest(payment);
		HttpResponse<String> response = sendWithRetries("create payment " + payment.paymentId(), () -> request("/payments")
			.header("Idempotence-Key", payment.idempotenceKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
		if (response.statusCode() != 200) {
			throw new PaymentProviderUnavailable("ЮKassa refused to create a payment: " + response.statusCode() + " "
					+ response.body(), null, false);
		}
		return json.payment(response.body());
	}

	@Override
	public Optional<ProviderPayment> read(String providerPaymentId) {
		HttpResponse<String> response = sendWithRetries("read payment " + providerPaymentId, () -> request(
				"/payments/" + URLEncoder.encode(providerPaymentId, StandardCharsets.UTF_8)).GET().build());
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw new PaymentProviderUnavailable("ЮKassa answered " + response.statusCode(), null, false);
		}
		return Optional.of(json.payment(response.body()));
	}

	@Override
	public Optional<String> notifiedPaymentId(String body) {
		return json.notifiedPaymentId(body);
	}

	private HttpRequest.Builder request(String path) {
		String credentials = settings.shopId() + ":" + settings.secretKey();
		return HttpRequest.newBuilder(URI.create(settings.baseUrl().toString().replaceAll("/$", "") + path))
			.timeout(settings.timeout())
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
	}

	/**
	 * Sends the request, again on a time-out, a lost connection or a 5xx, until {@code attempts} are used; returns the
	 * first answer that is not a 5xx.
	 *
	 * @throws PaymentProviderUnavailable with an unknown result when every attempt failed so
	 */
	private HttpResponse<String> sendWithRetries(String what, java.util.function.Supplier<HttpRequest> request) {
		int attempts = Math.max(1, settings.attempts());
		Duration wait = settings.backoff();
		String failure = null;
		IOException cause = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			if (attempt > 1) {
				log.warn("ЮKassa: {} failed ({}); try {} of {} in {} ms", what, failure, attempt, attempts, wait.toMillis());
				sleep(wait);
				wait = wait.multipliedBy(2);
			}
			try {
				HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() < 500) {
					return response;
				}
				failure = "HTTP " + response.statusCode();
				cause = null;
			}
			catch (IOException ex) {
				failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				cause = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PaymentProviderUnavailable("Interrupted while calling ЮKassa", ex, true);
			}
		}
		throw new PaymentProviderUnavailable("ЮKassa did not answer to " + what + " in " + attempts + " tries: " + failure,
				cause, true);
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentProviderUnavailable("Interrupted while waiting to call ЮKassa again", ex, true);
		}
	}
}
