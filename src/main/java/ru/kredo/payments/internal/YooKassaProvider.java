package ru.kredo.payments.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import ru.kredo.payments.PaymentProviderUnavailable;

/**
 * ЮKassa's API v3: {@code POST /payments} with an {@code Idempotence-Key} and a redirect confirmation, and
 * {@code GET /payments/{id}} to re-read a payment. Authenticated with HTTP Basic, the shop id and the secret key.
 */
@Component
@ConditionalOnProperty(name = "kredo.payments.provider", havingValue = YooKassaProvider.NAME)
public class YooKassaProvider implements PaymentProvider {

	static final String NAME = "yookassa";

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
	public ProviderPayment create(CreatePayment payment) {
		HttpRequest request = request("/payments")
			.header("Idempotence-Key", payment.idempotenceKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.createRequest(payment), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new PaymentProviderUnavailable("ЮKassa refused to create a payment: " + response.statusCode() + " "
					+ response.body(), null);
		}
		return json.payment(response.body());
	}

	@Override
	public Optional<ProviderPayment> read(String providerPaymentId) {
		HttpResponse<String> response = send(
				request("/payments/" + URLEncoder.encode(providerPaymentId, StandardCharsets.UTF_8)).GET().build());
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw new PaymentProviderUnavailable("ЮKassa answered " + response.statusCode(), null);
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

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentProviderUnavailable("Interrupted while calling ЮKassa", ex);
		}
		catch (IOException ex) {
			throw new PaymentProviderUnavailable("ЮKassa is unreachable: " + ex.getMessage(), ex);
		}
	}
}
