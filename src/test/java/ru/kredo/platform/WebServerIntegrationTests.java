package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What an operator, an integrator and a browser see over real HTTP: health, metrics, API docs, error pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebServerIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	@Test
	void healthIsUpAndMetricsAreExposedForPrometheus() throws Exception {
		assertThat(fetch("/actuator/health", "application/json").body()).contains("\"status\":\"UP\"");
		assertThat(fetch("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/prometheus").header("Authorization", "Bearer test-metrics-token")).body())
			.contains("jvm_memory_used_bytes", "hikaricp_connections_active", "kredo_sign_in_refused_total");
	}

	@Test
	void metricsAreNotPublic() throws Exception {
		assertThat(fetch("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
		assertThat(send(request("/actuator/prometheus").header("Authorization", "Bearer wrong-token")).statusCode())
			.isEqualTo(401);
		assertThat(fetch("/actuator/prometheus/", "text/plain").statusCode()).isIn(401, 404);
	}

	/**
	 * A client's own X-Forwarded-For is not believed: rotating it does not get round a per-address limit (here the
	 * public {@code /verify} page's). The client speaks from an address of its own on loopback, so no other test's
	 * allowance is spent.
	 */
	@Test
	void rotatingXForwardedForDoesNotGetRoundAPerAddressLimit() throws Exception {
		HttpClient fromElsewhere = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.77")).build();
		List<Integer> statuses = new ArrayList<>();
		for (int check = 0; check < 25; check++) {
			statuses.add(fromElsewhere.send(request("/verify?code=AAAA-BBBB-CCCC-DDDD")
				.header("X-Forwarded-For", "198.51.100." + check)
				.header("Forwarded", "for=198.51.100." + check)
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		assertThat(statuses).as("checks refused for the one real address").contains(429);
	}

	@Test
	void aClientsXForwardedHostDoesNotMoveRedirectsElsewhere() throws Exception {
		HttpClient noRedirects = HttpClient.newHttpClient();
		HttpResponse<Void> answer = noRedirects.send(request("/").header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example;proto=https").build(),
				HttpResponse.BodyHandlers.discarding());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("evil.example")
			.doesNotStartWith("https:");
		assertThat(answer.headers().allValues("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theApiIsDescribedAndBrowsable() throws Exception {
		String description = fetch("/v3/api-docs", "application/json").body();
		assertThat(description).contains("\"/api/v1/contacts/{id}\"", "\"/api/v1/api-keys/{id}\"", "\"bearer\"");

		HttpResponse<String> ui = fetch("/swagger-ui.html", "text/html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	@Test
	void anUnknownPageIsAFriendlyPageInRussianOrEnglish() throws Exception {
		HttpResponse<String> russian = fetch("/webjars/nothing-here", "text/html");
		assertThat(russian.statusCode()).isEqualTo(404);
		assertThat(russian.body()).contains("Страница не найдена", "/webjars/bootstrap/").doesNotContain("jsessionid");

		HttpResponse<String> english = fetch("/webjars/nothing-here?lang=en", "text/html");
		assertThat(english.body()).contains("Page not found");
	}

	@Test
	void staticAssetsComeFromWebJarsOnThisServer() throws Exception {
		assertThat(fetch("/webjars/htmx.org/dist/htmx.min.js", "*/*").statusCode()).isEqualTo(200);
		assertThat(fetch("/webjars/bootstrap/css/bootstrap.min.css", "*/*").statusCode()).isEqualTo(200);
		assertThat(fetch("/assets/css/kredo.css", "*/*").statusCode()).isEqualTo(200);
		assertThat(fetch("/assets/js/kredo.js", "*/*").statusCode()).isEqualTo(200);
		assertThat(fetch("/login", "text/html").body()).contains("/assets/css/kredo.css", "/assets/img/favicon.svg");
	}

	private HttpResponse<String> fetch(String path, String accept) throws IOException, InterruptedException {
		return send(request(path).header("Accept", accept));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
