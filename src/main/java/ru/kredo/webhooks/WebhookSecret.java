package ru.kredo.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form: {@code whsec_} and the Base64 of 24 to 64 random bytes. Both sides
 * sign with the decoded bytes.
 */
public record WebhookSecret(String value) {

	public static final String PREFIX = "whsec_";
	private static final int GENERATED_BYTES = 32;

	public WebhookSecret {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
		}
		int length = decode(value).length;
		if (length < 24 || length > 64) {
			throw new IllegalArgumentException("A webhook secret has 24 to 64 bytes, not " + length);
		}
	}

	public static WebhookSecret generate(SecureRandom random) {
		byte[] bytes = new byte[GENERATED_BYTES];
		random.nextBytes(bytes);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
	}

	/** The HMAC key: the Base64-decoded part after the prefix. */
	public byte[] key() {
		return decode(value);
	}

	private static byte[] decode(String value) {
		return Base64.getDecoder().decode(value.substring(PREFIX.length()));
	}

	@Override
	public String toString() {
		return PREFIX + "…";
	}
}
