package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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
	void refusesAnInternalIpv4HiddenInAnIpv6FormOrAnotherNotation() {
		for (String url : new String[] { "http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/",
				"http://[::ffff:7f00:1]/", "http://[64:ff9b::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
				"http://[64:ff9b:1::808:808]/", "http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::1]/",
				"http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[fc00::1]/", "http://[fe80::1]/",
				"http://[ff02::1]/", "http://[::]/", "http://0.1.2.3/", "http://100.127.255.254/", "http://2130706433/",
				"http://0x7f000001/", "http://017700000001/", "http://0/",
				"http://169.254.169.254/", "http://224.0.0.1/", "http://255.255.255.255/" }) {
			assertThatThrownBy(() -> production.check(url)).as(url)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("webhook.url-private"));
		}
	}

	@Test
	void refusesAShortenedIpv4ThatIsNoHostName() {
		// java.net.URI finds no host in these (a last label cannot be numeric); the system resolver would read 127.0.0.1.
		for (String url : new String[] { "http://0x7f.1/", "http://127.1/", "http://127.0.1/" }) {
			assertThatThrownBy(() -> production.check(url)).as(url)
				.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("webhook.url-invalid"));
		}
	}

	@Test
	void acceptsAPublicIpv4InThoseFormsToo() {
		for (String url : new String[] { "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::8.8.8.8]/", "http://[2002:808:808::1]/",
				"http://134744072/", "http://[2a00:1450:4010:c05::64]/" }) {
			assertThat(production.check(url)).as(url).isNotNull();
		}
	}

	@Test
	void looksTheHostUpOnceAndRefusesItIfAnyOfItsAddressesIsInternal() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		TargetAddresses targets = new TargetAddresses(properties(false), host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName("8.8.8.8"), InetAddress.getByName("127.0.0.1") };
		});

		assertThatThrownBy(() -> targets.vettedAddresses("crm.example"))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("webhook.url-private"));
		assertThat(lookups).hasValue(1);
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
		return new TargetAddresses(properties(allowPrivate));
	}

	static WebhookProperties properties(boolean allowPrivate) {
		return new WebhookProperties(allowPrivate, Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofSeconds(10), 50,
				Duration.ofHours(24), Duration.ofMinutes(2));
	}
}
