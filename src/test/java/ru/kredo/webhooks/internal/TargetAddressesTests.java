package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ru.kredo.platform.Rejected;

class TargetAddressesTests {

	private final TargetAddresses production = targets(false);

	@Test
	void refusesEveryAddressInsideTheNetwork() {
		for (String url : new String[] { "http://localhost/hook", "http://127.0.0.1:8080/", "https://10.1.2.3/",
				"https://192.168.0.10/", "https://172.16.5.5/", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/" }) {
			assertThatThrownBy(() -> production.check(url)).as(url)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("webhook.url-private"));
		}
	}

	@Test
	void acceptsOnlyHttpAndHttps() {
		for (String url : new String[] { "ftp://8.8.8.8/", "file:///etc/passwd", "gopher://8.8.8.8/", "8.8.8.8/hook" }) {
			assertThatThrownBy(() -> production.check(url)).as(url)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("webhook.url-scheme"));
		}
	}

	@Test
	void acceptsAPublicAddress() {
		assertThat(production.check(" https://8.8.8.8/kredo/webhook ")).hasToString("https://8.8.8.8/kredo/webhook");
	}

	@Test
	void allowsTheLocalNetworkOnlyWhenConfiguredTo() {
		assertThat(targets(true).check("http://127.0.0.1:9000/hook")).hasToString("http://127.0.0.1:9000/hook");
	}

	private static TargetAddresses targets(boolean allowPrivate) {
		return new TargetAddresses(new WebhookProperties(allowPrivate, Duration.ofSeconds(5), Duration.ofHours(24),
				Duration.ofSeconds(10), 50));
	}
}
