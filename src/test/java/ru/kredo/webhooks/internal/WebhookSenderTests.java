package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookAttempt;
import ru.kredo.webhooks.WebhookEndpointId;
import ru.kredo.webhooks.WebhookSecret;

/** The sender connects to the address it checked, whatever the DNS answers next (rebinding). */
class WebhookSenderTests {

	private HttpServer internal;
	private final List<String> received = new ArrayList<>();

	@BeforeEach
	void startAnInternalServer() throws IOException {
		internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		internal.createContext("/", exchange -> {
			synchronized (received) {
				received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
						+ exchange.getRequestHeaders().getFirst("Host"));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		internal.start();
	}

	@AfterEach
	void stop() {
		internal.stop(0);
	}

	@Test
	void aHostThatRebindsToAnInternalAddressAfterTheCheckIsNeverConnectedTo() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		// Public on the first answer, the internal server on every later one: what a rebinding attacker's DNS does.
		TargetAddresses targets = new TargetAddresses(TargetAddressesTests.properties(false), host -> {
			if (lookups.getAndIncrement() == 0) {
				return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { (byte) 203, 0, 113, 7 }) };
			}
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		});

		try (WebhookSender sender = new WebhookSender(targets, Duration.ofMillis(300))) {
			WebhookAttempt attempt = sender.send(delivery("http://crm.example:" + internal.getAddress().getPort() + "/hook"),
					Instant.now());

			assertThat(attempt.succeeded()).isFalse();
		}
		assertThat(lookups).hasValue(1);
		assertThat(received).isEmpty();
	}

	@Test
	void connectsToTheAddressItLookedUpWithTheHostsNameInTheRequest() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		TargetAddresses targets = new TargetAddresses(TargetAddressesTests.properties(true), host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		});

		try (WebhookSender sender = new WebhookSender(targets, Duration.ofSeconds(5))) {
			int port = internal.getAddress().getPort();
			WebhookAttempt attempt = sender.send(delivery("http://crm.example:" + port + "/hook"), Instant.now());

			assertThat(attempt.statusCode()).isEqualTo(200);
			assertThat(received).containsExactly("POST /hook crm.example:" + port);
		}
		assertThat(lookups).hasValue(1);
	}

	@Test
	void anInternalLiteralAddressIsRefusedAtSendingToo() throws Exception {
		try (WebhookSender sender = new WebhookSender(new TargetAddresses(TargetAddressesTests.properties(false)),
				Duration.ofSeconds(5))) {
			WebhookAttempt attempt = sender.send(delivery("http://[::127.0.0.1]:" + internal.getAddress().getPort() + "/"),
					Instant.now());

			assertThat(attempt.error()).isEqualTo("webhook.url-private");
		}
		assertThat(received).isEmpty();
	}

	/**
	 * An endpoint that answers a byte at a time, each just inside the read time-out, would hold the attempt (and the
	 * dispatcher's whole batch, every tenant's, which waits for it) for as long as it likes: the documented 10 seconds
	 * are for the whole answer, so the attempt ends when they are up.
	 */
	@Test
	void anEndpointThatDripsItsAnswerIsCutOffWhenTheTimeIsUp() throws Exception {
		try (java.net.ServerSocket dripping = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread server = Thread.ofVirtual().start(() -> {
				try (java.net.Socket client = dripping.accept()) {
					client.getInputStream().read(new byte[8192]);
					byte[] answer = "HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
						.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
					for (byte b : answer) {
						client.getOutputStream().write(b);
						client.getOutputStream().flush();
						Thread.sleep(200);
					}
				}
				catch (IOException | InterruptedException ended) {
					// the client hung up
				}
			});
			TargetAddresses targets = new TargetAddresses(TargetAddressesTests.properties(true),
					host -> new InetAddress[] { InetAddress.getLoopbackAddress() });
			try (WebhookSender sender = new WebhookSender(targets, Duration.ofMillis(600))) {
				long started = System.nanoTime();
				WebhookAttempt attempt = sender.send(delivery("http://crm.example:" + dripping.getLocalPort() + "/hook"),
						Instant.now());
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(attempt.succeeded()).isFalse();
				assertThat(took).as("the whole answer had 600 ms; dripped, it takes 14 s").isLessThan(Duration.ofSeconds(3));
			}
			server.interrupt();
		}
	}

	private static DueDelivery delivery(String url) {
		return new DueDelivery(UUID.randomUUID(), new TenantId(UUID.randomUUID()), new WebhookEndpointId(UUID.randomUUID()),
				url, WebhookSecret.generate(new SecureRandom()), null, "msg_1", "{\"a\":1}", 0);
	}
}
