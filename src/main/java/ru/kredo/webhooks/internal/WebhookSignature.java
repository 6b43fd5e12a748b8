package ru.kredo.webhooks.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ru.kredo.webhooks.WebhookSecret;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the Base64 of
 * HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the decoded secret.
 */
final class WebhookSignature {

	private WebhookSignature() {
	}

	/**
	 * The header's value: the signature with the current secret and, while a rotation's overlap lasts, one with the
	 * previous secret after it, space-separated as the specification allows, so a CRM holding either verifies.
	 */
	static String header(WebhookSecret secret, WebhookSecret previous, String messageId, long timestampSeconds,
			byte[] body) {
		String current = sign(secret, messageId, timestampSeconds, body);
		return previous == null ? current : current + " " + sign(previous, messageId, timestampSeconds, body);
	}

	static String sign(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
		ByteArrayOutputStream signed = new ByteArrayOutputStream();
		signed.writeBytes((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
		signed.writeBytes(body);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.toByteArray()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}
}
