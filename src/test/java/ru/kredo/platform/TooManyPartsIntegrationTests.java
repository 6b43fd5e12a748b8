package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import ru.kredo.Fixtures;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A multipart body of more parts than Tomcat takes ({@code server.tomcat.max-part-count}) is refused unread; over real
 * HTTP, since the limit is Tomcat's own, the answer says that it was the number of parts (and the limit) — not that
 * the request was too large, which sent a broker looking for a file too big that he never sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TooManyPartsIntegrationTests {

	private static final String BOUNDARY = "kredo-parts";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void theApiSaysTheFormHadTooManyParts() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/lists/imports"))
			.header("Authorization", "Bearer " + broker.apiKey().secret())
			.header("Accept-Language", "en")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString(parts(60, null))).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"code\":\"request.too-many-parts\"",
				"The form has more than 50 parts (fields and files together)");
	}

	/**
	 * Without a key the body is not read at all: the key is checked first, so an anonymous client cannot make Kredo
	 * parse and spool a body of up to the upload limit to be answered 401.
	 */
	@Test
	void anAnonymousMultipartApiRequestIsRefusedForItsMissingKeyNotParsed() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/lists/imports"))
			.header("Accept-Language", "en")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString(parts(60, null))).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).doesNotContain("request.too-many-parts");
	}

	@Test
	void aPageSaysTheFormHadTooManyParts() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
		String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(broker.admin().email().value(), StandardCharsets.UTF_8)
					+ "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrf(login)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String form = browser.send(HttpRequest.newBuilder(uri("/monitoring/lists")).build(),
				HttpResponse.BodyHandlers.ofString()).body();

		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri("/monitoring/lists"))
			.header("Accept-Language", "ru")
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString(parts(60, csrf(form)))).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("В форме больше 50 частей (полей и файлов вместе)", "Вернитесь назад")
			.doesNotContain("HTTP Status");
		// A reason that names no value still reads as before on the same page.
		HttpResponse<String> badPage = browser.send(HttpRequest.newBuilder(uri("/contacts?page=99999999999"))
			.header("Accept-Language", "ru").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(badPage.body()).contains("Параметр запроса указан неверно.");
	}

	/** A multipart body of {@code count} text fields (the CSRF token first, when given). */
	private static String parts(int count, String csrf) {
		StringBuilder body = new StringBuilder();
		if (csrf != null) {
			body.append(part("_csrf", csrf));
		}
		for (int i = 0; i < count; i++) {
			body.append(part("field" + i, "x"));
		}
		return body.append("--").append(BOUNDARY).append("--\r\n").toString();
	}

	private static String part(String name, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}
}
