package ru.kredo.crm.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.platform.Pace;
import ru.kredo.platform.RateLimits;

/**
 * amoCRM's published HTTP API as far as Kredo uses it: {@code POST /oauth2/access_token} (the
 * {@code authorization_code} and {@code refresh_token} grants, which answer a new refresh token each time) and the
 * API v4 (HAL+JSON, Bearer token). Stateless apart from a pace per account: at most
 * {@code kredo.crm.amocrm.requests-per-second} requests are sent one account per second (amoCRM allows 7 and answers
 * 429 above that), counted in PostgreSQL for all nodes together ({@link RateLimits#pace}).
 */
@Component
public class AmoCrmClient {

	/** Tokens as amoCRM issued them; {@code expiresAt} from its {@code expires_in}. */
	public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {

		@Override
		public String toString() {
			return "Tokens[expiresAt=" + expiresAt + "]";
		}
	}

	private final AmoCrmProperties properties;
	private final JsonMapper json;
	private final HttpClient http;
	private final Pace pace;

	/** The client Kredo runs: its pace per account counted in PostgreSQL, one count for all nodes. */
	@Autowired
	public AmoCrmClient(AmoCrmProperties properties, JsonMapper json, RateLimits limits) {
		this(properties, json, limits.pace("amocrm", spacing(properties.requestsPerSecond())));
	}

	/** A client whose pace is this process's only (unit tests, without a database). */
	AmoCrmClient(AmoCrmProperties properties, JsonMapper json) {
		this(properties, json, Pace.local(spacing(properties.requestsPerSecond())));
	}

	private AmoCrmClient(AmoCrmProperties properties, JsonMapper json, Pace pace) {
		this.pace = pace;
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Exchanges the code the consent page gave for the account's first tokens. */
	public Tokens exchangeCode(String subdomain, String clientId, String clientSecret, String redirectUri, String code,
			Instant now) {
		ObjectNode body = json.createObjectNode();
		body.put("client_id", clientId).put("client_secret", clientSecret).put("grant_type", "authorization_code")
			.put("code", code).put("redirect_uri", redirectUri);
		return tokens(subdomain, body, now);
	}

	/** A new access token — and a new refresh token: the one given is spent. */
	public Tokens refresh(String subdomain, String clientId, String clientSecret, String redirectUri,
			String refreshToken, Instant now) {
		ObjectNode body = json.createObjectNode();
		body.put("client_id", clientId).put("client_secret", clientSecret).put("grant_type", "refresh_token")
			.put("refresh_token", refreshToken).put("redirect_uri", redirectUri);
		return tokens(subdomain, body, now);
	}

	private Tokens tokens(String subdomain, ObjectNode body, Instant now) {
		HttpResponse<String> response = send(subdomain, HttpRequest.newBuilder(uri(subdomain, "/oauth2/access_token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)));
		JsonNode answer = json.readTree(response.body());
		String access = answer.path("access_token").asString("");
		String refresh = answer.path("refresh_token").asString("");
		if (access.isEmpty() || refresh.isEmpty()) {
			throw new AmoCrmException(response.statusCode(), "amoCRM answered no tokens", null);
		}
		return new Tokens(access, refresh, now.plusSeconds(answer.path("expires_in").asLong(0)));
	}

	/** GET of an API path (with its query); {@code null} when amoCRM answers 204 (nothing found) or 404. */
	public JsonNode get(String subdomain, String accessToken, String pathAndQuery) {
		return getUri(subdomain, accessToken, uri(subdomain, pathAndQuery));
	}

	/**
	 * GET of a {@code _links.next.href} amoCRM gave; only on the account's own address, so a link cannot send the
	 * token elsewhere.
	 */
	public JsonNode follow(String subdomain, String accessToken, String href) {
		URI next = URI.create(href);
		URI base = URI.create(properties.base(subdomain));
		if (!base.getScheme().equals(next.getScheme()) || !base.getAuthority().equals(next.getAuthority())) {
			throw new AmoCrmException(0, "amoCRM's next link leaves the account: " + next.getAuthority(), null);
		}
		return getUri(subdomain, accessToken, next);
	}

	private JsonNode getUri(String subdomain, String accessToken, URI uri) {
		try {
			HttpResponse<String> response = send(subdomain, HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + accessToken).GET());
			return response.body().isBlank() ? null : json.readTree(response.body());
		}
		catch (AmoCrmException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/** POST of a JSON body to an API path; the answer's body. */
	public JsonNode post(String subdomain, String accessToken, String path, JsonNode body) {
		HttpResponse<String> response = send(subdomain, HttpRequest.newBuilder(uri(subdomain, path))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)));
		return json.readTree(response.body());
	}

	/** DELETE of an API path with a JSON body (amoCRM's {@code DELETE /api/v4/webhooks} names what by its body). */
	public void delete(String subdomain, String accessToken, String path, JsonNode body) {
		send(subdomain, HttpRequest.newBuilder(uri(subdomain, path))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)));
	}

	private URI uri(String subdomain, String pathAndQuery) {
		return URI.create(properties.base(subdomain) + pathAndQuery);
	}

	private HttpResponse<String> send(String subdomain, HttpRequest.Builder request) {
		pace(subdomain);
		HttpResponse<String> response;
		try {
			response = http.send(request.timeout(properties.timeout()).header("Accept", "application/hal+json, application/json")
				.header("User-Agent", "Kredo-amoCRM/1").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new AmoCrmException(0, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmoCrmException(0, "interrupted", null);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response;
		}
		String body = response.body() == null ? "" : response.body();
		throw new AmoCrmException(status, "HTTP " + status + " " + body.substring(0, Math.min(300, body.length())),
				retryAfter(response));
	}

	private static Duration retryAfter(HttpResponse<String> response) {
		return response.headers().firstValue("Retry-After").map(value -> {
			try {
				return Duration.ofSeconds(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}).orElse(null);
	}

	/**
	 * Requests to one account go 1.1/requestsPerSecond seconds apart, over all threads and nodes: a tenth to spare,
	 * so that network jitter never packs one too many into amoCRM's one-second window.
	 */
	static Duration spacing(int requestsPerSecond) {
		return Duration.ofNanos(1_100_000_000L / Math.max(1, requestsPerSecond));
	}

	private void pace(String subdomain) {
		pace.await(subdomain);
	}
}
