package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
		assertThat(fetch("/actuator/prometheus", "text/plain").body())
			.contains("jvm_memory_used_bytes", "hikaricp_connections_active", "kredo_sign_in_refused_total");
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
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
