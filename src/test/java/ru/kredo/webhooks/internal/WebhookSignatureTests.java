package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import ru.kredo.webhooks.WebhookSecret;

class WebhookSignatureTests {

	/**
	 * The Standard Webhooks specification's published test vector (also Svix's); recomputed once with Python's
	 * {@code hmac.new(base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), b'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}', hashlib.sha256)}
	 * → {@code g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}.
	 */
	private static final WebhookSecret SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
	private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
	private static final long TIMESTAMP = 1614265330;
	private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsExactlyLikeTheStandardWebhooksReference() {
		assertThat(WebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP, BODY))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void duringARotationTheHeaderCarriesTheNewSignatureThenTheOldSpaceSeparated() {
		WebhookSecret rotated = WebhookSecret.generate(new SecureRandom());

		assertThat(WebhookSignature.header(rotated, SECRET, MESSAGE_ID, TIMESTAMP, BODY))
			.isEqualTo(WebhookSignature.sign(rotated, MESSAGE_ID, TIMESTAMP, BODY)
					+ " v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
		assertThat(WebhookSignature.header(SECRET, null, MESSAGE_ID, TIMESTAMP, BODY))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aChangedBodyTimestampOrIdChangesTheSignature() {
		String original = WebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP, BODY);

		assertThat(WebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(original);
		assertThat(WebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP + 1, BODY)).isNotEqualTo(original);
		assertThat(WebhookSignature.sign(SECRET, "msg_other", TIMESTAMP, BODY)).isNotEqualTo(original);
	}

	@Test
	void generatedSecretsHaveThePrefixAnd32RandomBytes() {
		SecureRandom random = new SecureRandom();
		WebhookSecret one = WebhookSecret.generate(random);

		assertThat(one.value()).startsWith("whsec_");
		assertThat(one.key()).hasSize(32);
		assertThat(WebhookSecret.generate(random)).isNotEqualTo(one);
		assertThat(one.toString()).doesNotContain(one.value().substring(6));
	}

	@Test
	void refusesSecretsWithoutThePrefixOrWithTooFewBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSecret("whsec_c2hvcnQ="));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSecret("whsec_not base64!"));
	}
}
