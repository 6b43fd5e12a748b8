package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.kredo.conversations.internal.Fanout;
import ru.kredo.tenancy.TenantId;

/**
 * Stopping Kredo with a chat open: the live streams end before the web server's graceful shutdown starts waiting for
 * its requests, so the application stops at once instead of after {@code spring.lifecycle.timeout-per-shutdown-phase},
 * and a stream asked for while it stops ends at once too. Its own small application (Tomcat, Spring MVC, the
 * lifecycle's timeout, {@link ConversationStreams}) because the shared one cannot be closed; the timeout is 10 s here,
 * so a stream that held the shutdown would show as a close taking 10 s.
 */
class ConversationStreamsShutdownIntegrationTests {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newHttpClient();
	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (context != null) {
			context.close();
		}
		http.close();
	}

	@Test
	void anOpenStreamEndsWhenTheApplicationStopsAndTheServerDoesNotWaitForIt() throws Exception {
		start();
		ConversationStreams streams = context.getBean(ConversationStreams.class);
		CompletableFuture<String> body = stream();
		await().atMost(Duration.ofSeconds(5)).until(() -> streams.open() == 1);
		assertThat(body).isNotDone();

		long started = System.nanoTime();
		context.close();
		Duration closing = Duration.ofNanos(System.nanoTime() - started);

		assertThat(closing).isLessThan(PROMPTLY);
		assertThat(body.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).as("the stream ended").isNotNull();
		assertThat(streams.open()).isZero();
	}

	@Test
	void aStreamAskedForWhileStoppingEndsAtOnce() throws Exception {
		start();
		ConversationStreams streams = context.getBean(ConversationStreams.class);
		// The moment between this bean's stop and the web server's: the server still takes requests.
		streams.stop();

		CompletableFuture<String> body = stream();

		assertThat(body.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).as("the stream ended").isEmpty();
		assertThat(streams.open()).isZero();

		// Started again (a context restart), streams stay open again.
		streams.start();
		CompletableFuture<String> again = stream();
		await().atMost(Duration.ofSeconds(5)).until(() -> streams.open() == 1);
		assertThat(again).isNotDone();
	}

	private void start() {
		// As arguments, which come before application.yml (its server.port is 8080).
		context = new SpringApplicationBuilder(StreamsApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.lifecycle.timeout-per-shutdown-phase=" + SHUTDOWN_TIMEOUT.toSeconds() + "s");
	}

	/** Reads the inbox's stream to its end (in the background), as a browser's EventSource does. */
	private CompletableFuture<String> stream() {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stream"))
			.header("Accept", "text/event-stream").build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApplyAsync(response -> {
			assertThat(response.statusCode()).isEqualTo(200);
			try (InputStream in = response.body()) {
				return new String(in.readAllBytes());
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	/** Tomcat with graceful shutdown (Spring Boot's default), Spring MVC, and the streams; no database. */
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, LifecycleAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class })
	static class StreamsApplication {

		@Bean
		ConversationStreams conversationStreams() {
			Fanout fanout = new Fanout() {

				@Override
				public AutoCloseable subscribe(String topic, Runnable changed) {
					return () -> {
					};
				}

				@Override
				public void committed(MessagePosted posted) {
				}

				@Override
				public boolean watched(String topic) {
					return false;
				}
			};
			// The inbox's stream reads no conversation.
			return new ConversationStreams(fanout, null, new ConversationLimits(4000, DataSize.ofMegabytes(10), 60, 4,
					5000, Duration.ofMinutes(30), Duration.ofSeconds(25)));
		}

		@Bean
		Streams streams(ConversationStreams streams) {
			return new Streams(streams);
		}
	}

	/** An agency's inbox stream, as {@code InboxController} opens it, without sign-in. */
	@RestController
	static class Streams {

		private final ConversationStreams streams;

		Streams(ConversationStreams streams) {
			this.streams = streams;
		}

		@GetMapping("/stream")
		SseEmitter stream() {
			return streams.inbox(new TenantId(UUID.randomUUID()), UUID.randomUUID().toString(), () -> true);
		}
	}
}
