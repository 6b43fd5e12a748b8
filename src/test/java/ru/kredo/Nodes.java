package ru.kredo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kredo as N nodes behind a load balancer, on one machine: whole application contexts, each with its own web server
 * on a free port, all on the test profile's PostgreSQL (the embedded server under {@code target/test-data}, which
 * every context in this JVM shares, or the server {@code SPRING_DATASOURCE_URL} names). And a browser that talks to
 * any of them with one cookie jar, as a browser behind a balancer does.
 */
public final class Nodes {

	private Nodes() {
	}

	/** A node: the whole application, started with the test profile and these settings besides. */
	public static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				// The demo is loaded by the test contexts already; a node needs none of its own.
				"--kredo.demo=false"));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(Kredo.class).profiles("test").run(arguments.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/** An address of the documentation ranges (RFC 5737) no other test uses: its limits start afresh. */
	public static String someAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	/**
	 * A browser behind a balancer (the nodes trust 127.0.0.1 as their proxy, so {@code X-Forwarded-For} names this
	 * browser's address): one cookie jar, whatever node it reaches; no redirect followed.
	 */
	public static final class Browser {

		private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
		private final Map<String, String> cookies = new LinkedHashMap<>();
		private final String address;

		public Browser(String address) {
			this.address = address;
		}

		public HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
			return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
		}

		/** A form posted with the CSRF token of the page it was read from. */
		public HttpResponse<String> post(ConfigurableApplicationContext node, String path, String csrf,
				Map<String, String> fields) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", csrf);
			String body = form.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(node, HttpRequest.newBuilder(uri(node, path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		/** The CSRF token of the page's first form. */
		public static String csrf(HttpResponse<String> page) {
			return Jsoup.parse(page.body()).select("input[name=_csrf]").first().val();
		}

		/** The path a redirect leads to (its absolute form's host and port dropped). */
		public static String location(HttpResponse<String> response) {
			String location = response.headers().firstValue("Location").orElseThrow();
			URI uri = URI.create(location);
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}

		public String cookie(String name) {
			return cookies.get(name);
		}

		/**
		 * A live page's connection (server-sent events) opened on the node with this browser's cookies, read in the
		 * background as an {@code EventSource} reads it, until closed.
		 */
		public Live live(ConfigurableApplicationContext node, String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/event-stream")
				.GET();
			headers(request);
			Live live = new Live();
			http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.thenAccept(response -> live.read(response.statusCode(), response.body()));
			return live;
		}

		private void headers(HttpRequest.Builder request) {
			request.header("X-Forwarded-For", address).header("Accept-Language", "ru");
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
			}
		}

		private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request) {
			headers(request);
			request.timeout(Duration.ofSeconds(60));
			try {
				HttpResponse<String> response = http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				for (String set : response.headers().allValues("Set-Cookie")) {
					String pair = set.split(";", 2)[0];
					String name = pair.substring(0, pair.indexOf('='));
					String value = pair.substring(pair.indexOf('=') + 1);
					if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
						cookies.remove(name);
					}
					else {
						cookies.put(name, value);
					}
				}
				return response;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static URI uri(ConfigurableApplicationContext node, String path) {
			return URI.create("http://127.0.0.1:" + port(node) + path);
		}
	}

	/** An open live connection: its status and everything it has received so far. */
	public static final class Live implements AutoCloseable {

		private final StringBuffer received = new StringBuffer();
		private volatile int status;
		private volatile java.io.InputStream body;

		private void read(int status, java.io.InputStream body) {
			this.status = status;
			this.body = body;
			Thread.ofVirtual().start(() -> {
				try (java.io.Reader reader = new java.io.InputStreamReader(body, StandardCharsets.UTF_8)) {
					char[] chunk = new char[4096];
					int read;
					while ((read = reader.read(chunk)) >= 0) {
						received.append(chunk, 0, read);
					}
				}
				catch (IOException closed) {
					// closed by the test or by the node
				}
			});
		}

		/** The HTTP status, once the answer's head has come (0 before). */
		public int status() {
			return status;
		}

		/** What has been received so far. */
		public String text() {
			return received.toString();
		}

		/** Closes the connection, as a browser does that leaves the page. */
		@Override
		public void close() {
			java.io.InputStream in = body;
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException ignored) {
					// closing is all that is wanted
				}
			}
		}
	}
}
