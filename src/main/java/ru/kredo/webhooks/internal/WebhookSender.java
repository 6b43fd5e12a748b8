package ru.kredo.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.kredo.platform.Rejected;
import ru.kredo.webhooks.WebhookAttempt;

/** Makes one signed POST of a delivery and reports what happened; never throws. */
@Component
class WebhookSender {

	private static final int SNIPPET_BYTES = 300;
	private static final int ERROR_CHARACTERS = 300;

	private final TargetAddresses targets;
	private final Duration timeout;
	private final HttpClient http;

	WebhookSender(TargetAddresses targets, WebhookProperties properties) {
		this.targets = targets;
		this.timeout = properties.timeout();
		// Redirects are not followed: a 3xx is a failure, and the endpoint cannot bounce Kredo to an internal address.
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	WebhookAttempt send(DueDelivery delivery, Instant now) {
		long started = System.nanoTime();
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = now.getEpochSecond();
		try {
			HttpRequest request = HttpRequest.newBuilder(targets.check(delivery.url()))
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", "Kredo-Webhooks/1")
				.header("webhook-id", delivery.messageId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			String snippet;
			try (InputStream in = response.body()) {
				snippet = new String(in.readNBytes(SNIPPET_BYTES), StandardCharsets.UTF_8);
			}
			return new WebhookAttempt(now, response.statusCode(), null, millisSince(started), snippet);
		}
		catch (Rejected rejected) {
			return new WebhookAttempt(now, null, rejected.code(), millisSince(started), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure(now, started, ex);
		}
		catch (IOException | RuntimeException ex) {
			return failure(now, started, ex);
		}
	}

	private static WebhookAttempt failure(Instant now, long started, Exception ex) {
		String error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return new WebhookAttempt(now, null, error.substring(0, Math.min(error.length(), ERROR_CHARACTERS)),
				millisSince(started), null);
	}

	private static long millisSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}
}
