package ru.kredo.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.kredo.platform.CallDeadline;
import ru.kredo.platform.Rejected;
import ru.kredo.webhooks.WebhookAttempt;

/**
 * Makes one signed POST of a delivery and reports what happened; never throws. The client's only DNS lookup is
 * {@link TargetAddresses#vettedAddresses}: it connects to an address that was checked, never to one a second lookup
 * (DNS rebinding) could have switched.
 */
@Component
class WebhookSender implements AutoCloseable {

	private static final int SNIPPET_BYTES = 300;
	private static final int ERROR_CHARACTERS = 300;

	private final TargetAddresses targets;
	private final CloseableHttpClient http;
	private final Duration timeout;

	@Autowired
	WebhookSender(TargetAddresses targets, WebhookProperties properties) {
		this(targets, properties.timeout());
	}

	WebhookSender(TargetAddresses targets, Duration timeout) {
		this.targets = targets;
		this.timeout = timeout;
		Timeout limit = Timeout.of(timeout);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new VettedResolver(targets))
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(100)
				.setMaxConnPerRoute(10)
				.build())
			// Redirects are not followed: a 3xx is a failure, and the endpoint cannot bounce Kredo to an internal address.
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("Kredo-Webhooks/1")
			.build();
	}

	WebhookAttempt send(DueDelivery delivery, Instant now) {
		long started = System.nanoTime();
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = now.getEpochSecond();
		try {
			URI target = targets.target(delivery.url());
			// Looked up once and checked; the connection goes to this very address (TLS still checks the host's name).
			InetAddress address = targets.vettedAddresses(target.getHost())[0];
			HttpHost pinned = new HttpHost(target.getScheme(), address, bare(target.getHost()), target.getPort());
			HttpPost post = new HttpPost(target);
			post.setHeader("webhook-id", delivery.messageId());
			post.setHeader("webhook-timestamp", Long.toString(timestamp));
			post.setHeader("webhook-signature", WebhookSignature.header(delivery.secret(), delivery.previousSecret(),
					delivery.messageId(), timestamp, body));
			post.setEntity(new ByteArrayEntity(body, ContentType.create("application/json")));
			// The timeout is for the whole answer (docs/webhooks.md: a 2xx within 10 seconds), not for each byte of it.
			// Closed without reading the rest: a huge answer is cut off, and its connection is not reused.
			try (CallDeadline deadline = CallDeadline.of(timeout, post);
					ClassicHttpResponse response = execute(pinned, post, deadline)) {
				String snippet = "";
				if (response.getEntity() != null) {
					try (InputStream in = response.getEntity().getContent()) {
						snippet = new String(in.readNBytes(SNIPPET_BYTES), StandardCharsets.UTF_8);
					}
					catch (IOException cut) {
						// The status came in time and acknowledges; only the body's start, kept for the log, is lost.
						if (!deadline.passed()) {
							throw cut;
						}
					}
				}
				return new WebhookAttempt(now, response.getCode(), null, millisSince(started), snippet);
			}
		}
		catch (Rejected rejected) {
			return new WebhookAttempt(now, null, rejected.code(), millisSince(started), null);
		}
		catch (UnknownHostException unknown) {
			return new WebhookAttempt(now, null, "webhook.url-unknown-host", millisSince(started), null);
		}
		catch (IOException | RuntimeException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof Rejected rejected) {
					return new WebhookAttempt(now, null, rejected.code(), millisSince(started), null);
				}
			}
			return failure(now, started, ex);
		}
	}

	private ClassicHttpResponse execute(HttpHost target, HttpPost post, CallDeadline deadline) throws IOException {
		try {
			return http.executeOpen(target, post, null);
		}
		catch (IOException | RuntimeException ex) {
			if (deadline.passed()) {
				throw new SocketTimeoutException("no whole answer within " + timeout.toMillis() + " ms");
			}
			throw ex;
		}
	}

	private static String bare(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	@Override
	public void close() throws IOException {
		http.close();
	}

	private static WebhookAttempt failure(Instant now, long started, Exception ex) {
		String error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return new WebhookAttempt(now, null, error.substring(0, Math.min(error.length(), ERROR_CHARACTERS)),
				millisSince(started), null);
	}

	private static long millisSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	/** The HTTP client's DNS: one lookup per connection, every address checked, and only those connected to. */
	private record VettedResolver(TargetAddresses targets) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return targets.vettedAddresses(host);
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}
	}
}
