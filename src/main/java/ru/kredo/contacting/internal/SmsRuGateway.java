package ru.kredo.contacting.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.tenancy.TenantId;

/**
 * SMS.ru's HTTP API ({@code GET /sms/send?api_id=…&to=…&msg=…&json=1&from=…}), configured by {@code kredo.sms.sms-ru.*}.
 * {@code from} is the agency's registered sender name per message, else {@code kredo.sms.sms-ru.from} (the platform's
 * own, for codes), else SMS.ru's default. The answer's {@code "status":"OK"} means accepted; anything else is an error
 * the gate logs as the attempt's failure.
 */
@Component
@ConditionalOnProperty(name = "kredo.sms.provider", havingValue = "sms-ru")
class SmsRuGateway implements SmsGateway {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String baseUrl;
	private final String apiId;
	private final String sender;

	SmsRuGateway(@Value("${kredo.sms.sms-ru.base-url:https://sms.ru}") String baseUrl,
			@Value("${kredo.sms.sms-ru.api-id}") String apiId, @Value("${kredo.sms.sms-ru.from:}") String sender) {
		this.baseUrl = baseUrl;
		this.apiId = apiId;
		this.sender = sender;
	}

	@Override
	public void send(TenantId tenant, PhoneNumber phone, String text, String from) {
		String name = from == null || from.isBlank() ? sender : from;
		String query = "api_id=" + encode(apiId) + "&to=" + encode(phone.e164().substring(1)) + "&msg=" + encode(text)
				+ "&json=1" + (name.isBlank() ? "" : "&from=" + encode(name));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sms/send?" + query))
				.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || !response.body().replace(" ", "").contains("\"status\":\"OK\"")) {
				throw new IllegalStateException("SMS.ru refused the message: HTTP " + response.statusCode());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("SMS.ru is unreachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending an SMS", ex);
		}
	}

	@Override
	public boolean isOutbox() {
		return false;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
