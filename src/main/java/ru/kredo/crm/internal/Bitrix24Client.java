package ru.kredo.crm.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.platform.Pace;
import ru.kredo.platform.RateLimits;

/**
 * Bitrix24's published REST API as far as Kredo uses it: the authorisation server's {@code /oauth/token/} (the
 * {@code authorization_code} and {@code refresh_token} grants; each answer has a new refresh token) and the portal's
 * methods, {@code POST https://<portal>/rest/<method>} with a JSON body that carries the access token as
 * {@code auth}. An error is a JSON {@code error} and {@code error_description} with a 4xx/5xx status. Stateless apart
 * from a pace per portal: at most {@code kredo.crm.bitrix24.requests-per-second} requests a second (Bitrix24's leaky
 * bucket drains 2 a second and answers {@code 503 QUERY_LIMIT_EXCEEDED} once it holds 50), counted in PostgreSQL
 * for all nodes together ({@link RateLimits#pace}).
 */
@Component
public class Bitrix24Client {

	/** Tokens as the authorisation server issued them; {@code restEndpoint} is its {@code client_endpoint}. */
	public record Tokens(String accessToken, String refreshToken, Instant expiresAt, String restEndpoint,
			String memberId) {

		@Override
		public String toString() {
			return "Tokens[expiresAt=" + expiresAt + ", restEndpoint=" + restEndpoint + "]";
		}
	}

	private final Bitrix24Properties properties;
	private final JsonMapper json;
	private final HttpClient http;
	private final Pace pace;

	/** The client Kredo runs: its pace per portal counted in PostgreSQL, one count for all nodes. */
	@Autowired
	public Bitrix24Client(Bitrix24Properties properties, JsonMapper json, RateLimits limits) {
		this(properties, json, limits.pace("bitrix24", spacing(properties.requestsPerSecond())));
	}

	/** A client whose pace is this process's only (unit tests, without a database). */
	Bitrix24Client(Bitrix24Properties properties, JsonMapper json) {
		this(properties, json, Pace.local(spacing(properties.requestsPerSecond())));
	}

	private Bitrix24Client(Bitrix24Properties properties, JsonMapper json, Pace pace) {
		this.pace = pace;
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * Exchanges the code the portal's consent page gave (good for 30 seconds) for the first tokens. The answer's
	 * {@code client_endpoint} must be the portal's own REST address (a renewal's too): the authorisation server vouches
	 * that the tokens are that portal's, and they are never sent anywhere else.
	 */
	public Tokens exchangeCode(String portal, String clientId, String clientSecret, String code, Instant now) {
		return tokens(portal, Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret",
				clientSecret, "code", code), now);
	}

	/** A new access token — and a new refresh token: the one given is spent. */
	public Tokens refresh(String portal, String clientId, String clientSecret, String refreshToken, Instant now) {
		return tokens(portal, Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
				"refresh_token", refreshToken), now);
	}

	private Tokens tokens(String portal, Map<String, String> query, Instant now) {
		StringBuilder uri = new StringBuilder(properties.tokenUrl(portal)).append('?');
		query.forEach((name, value) -> uri.append(name).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
		HttpResponse<String> response = send(null, HttpRequest.newBuilder(URI.create(uri.substring(0, uri.length() - 1)))
			.GET());
		JsonNode answer = read(response);
		String access = answer.path("access_token").asString("");
		String refresh = answer.path("refresh_token").asString("");
		if (access.isEmpty() || refresh.isEmpty()) {
			throw new Bitrix24Exception(response.statusCode(), answer.path("error").asString(""),
					"Bitrix24 answered no tokens");
		}
		String endpoint = answer.path("client_endpoint").asString("");
		if (!endpoint.equals(properties.restEndpoint(portal))) {
			throw new Bitrix24Exception(response.statusCode(), "portal_mismatch",
					"the tokens are for another portal: " + endpoint);
		}
		return new Tokens(access, refresh, now.plusSeconds(answer.path("expires_in").asLong(0)), endpoint,
				answer.path("member_id").asString(""));
	}

	/** Calls a REST method of the portal with these parameters; the whole answer ({@code result}, {@code next}…). */
	public JsonNode call(String portal, String accessToken, String method, ObjectNode parameters) {
		ObjectNode body = parameters.deepCopy();
		body.put("auth", accessToken);
		HttpResponse<String> response = send(portal, HttpRequest.newBuilder(URI.create(properties.restEndpoint(portal)
				+ method))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)));
		JsonNode answer = read(response);
		if (answer.has("error")) {
			throw error(response.statusCode(), answer);
		}
		return answer;
	}

	public ObjectNode parameters() {
		return json.createObjectNode();
	}

	private JsonNode read(HttpResponse<String> response) {
		String body = response.body() == null ? "" : response.body();
		try {
			return body.isBlank() ? json.createObjectNode() : json.readTree(body);
		}
		catch (RuntimeException notJson) {
			throw new Bitrix24Exception(response.statusCode(), "",
					"HTTP " + response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
		}
	}

	private static Bitrix24Exception error(int status, JsonNode answer) {
		String error = answer.path("error").asString("");
		String description = answer.path("error_description").asString("");
		String text = "HTTP " + status + " " + error + (description.isEmpty() ? "" : ": " + description);
		return new Bitrix24Exception(status, error, text.substring(0, Math.min(300, text.length())));
	}

	// A portal's requests are paced (by portal); the authorisation server's are not (portal null).
	private HttpResponse<String> send(String portal, HttpRequest.Builder request) {
		if (portal != null) {
			pace(portal);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.timeout(properties.timeout()).header("Accept", "application/json")
				.header("User-Agent", "Kredo-Bitrix24/1").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Bitrix24Exception(0, "", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Bitrix24Exception(0, "", "interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response;
		}
		throw error(status, read(response));
	}

	/**
	 * Requests to one portal go 1.1/requestsPerSecond seconds apart, over all threads and nodes: a tenth to spare,
	 * so that network jitter never packs one too many into Bitrix24's one-second window.
	 */
	static Duration spacing(int requestsPerSecond) {
		return Duration.ofNanos(1_100_000_000L / Math.max(1, requestsPerSecond));
	}

	private void pace(String portal) {
		pace.await(portal);
	}
}
