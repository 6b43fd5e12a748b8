package ru.kredo.webhooks;

import java.time.Instant;

/**
 * One HTTP POST of a delivery.
 *
 * @param statusCode the receiver's HTTP status; {@code null} when there was no answer
 * @param error why there was no answer (timeout, refused connection…); {@code null} when there was one
 * @param responseSnippet the start of the receiver's answer, for the delivery log
 */
public record WebhookAttempt(Instant attemptedAt, Integer statusCode, String error, long durationMillis,
		String responseSnippet) {

	public boolean succeeded() {
		return statusCode != null && statusCode >= 200 && statusCode < 300;
	}
}
