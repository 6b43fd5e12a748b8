package ru.kredo.crm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.platform.CallDeadline;
import ru.kredo.platform.Pace;
import ru.kredo.platform.PrivateNetworks;
import ru.kredo.platform.RateLimits;

/**
 * Bitrix24's published REST API as far as Kredo uses it: the authorisation server's {@code /oauth/token/} (the
 * {@code authorization_code} and {@code refresh_token} grants; each answer has a new refresh token) and the portal's
 * methods, {@code POST https://<portal>/rest/<method>} with a JSON body that carries the access token as
 * {@code auth}. An error is a JSON {@code error} and {@code error_description} with a 4xx/5xx status. Stateless apart
 * from a pace per portal: at most {@code kredo.crm.bitrix24.requests-per-second} requests a second (Bitrix24's leaky
 * bucket drains 2 a second and answers {@code 503 QUERY_LIMIT_EXCEEDED} once it holds 50), counted in PostgreSQL
 * for all nodes together ({@link RateLimits#pace}).
 * <p>
 * A portal is an address the tenant typed (an on-premise portal's own name), so it is never one in Kredo's own
 * network (SSRF, as a webhook's endpoint, {@link PrivateNetworks}) unless {@code allow-private-addresses} says so: the
 * portal's name is looked up once per request, every address checked, and the connection made to the address checked
 * (the name kept for {@code Host} and TLS), so a DNS answer that changes in between cannot send it elsewhere; redirects
 * are never followed.
 */
@Component
public class Bitrix24Client implements AutoCloseable {

	/** The system's DNS; tests answer for it. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	// Far above any answer Bitrix24 gives (50 records a page); a larger one is cut and then fails as unreadable.
	private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

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
	private final CloseableHttpClient http;
	private final Pace pace;
	private final Resolver resolver;

	/** The client Kredo runs: its pace per portal counted in PostgreSQL, one count for all nodes. */
	@Autowired
	public Bitrix24Client(Bitrix24Properties properties, JsonMapper json, RateLimits limits) {
		this(properties, json, limits.pace("bitrix24", spacing(properties.requestsPerSecond())));
	}

	/** A client whose pace is this process's only (unit tests, without a database). */
	Bitrix24Client(Bitrix24Properties properties, JsonMapper json) {
		this(properties, json, Pace.local(spacing(properties.requestsPerSecond())), InetAddress::getAllByName);
	}

	/** As above, with names looked up by this resolver (unit tests: a name that resolves into a private network). */
	Bitrix24Client(Bitrix24Properties properties, JsonMapper json, Resolver resolver) {
		this(properties, json, Pace.local(spacing(properties.requestsPerSecond())), resolver);
	}

	private Bitrix24Client(Bitrix24Properties properties, JsonMapper json, Pace pace) {
		this(properties, json, pace, InetAddress::getAllByName);
	}

	private Bitrix24Client(Bitrix24Properties properties, JsonMapper json, Pace pace, Resolver resolver) {
		this.pace = pace;
		this.properties = properties;
		this.json = json;
		this.resolver = resolver;
		Timeout limit = Timeout.of(properties.timeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(50)
				.setMaxConnPerRoute(5)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("Kredo-Bitrix24/1")
			.build();
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
		// The authorisation server is Kredo's setting; it is checked like a portal only where it names the portal.
		Answer response = send(null, properties.oauthUrl().contains("{portal}"),
				new HttpGet(URI.create(uri.substring(0, uri.length() - 1))));
		JsonNode answer = read(response);
		String access = answer.path("access_token").asString("");
		String refresh = answer.path("refresh_token").asString("");
		if (access.isEmpty() || refresh.isEmpty()) {
			throw new Bitrix24Exception(response.status(), answer.path("error").asString(""),
					"Bitrix24 answered no tokens");
		}
		String endpoint = answer.path("client_endpoint").asString("");
		if (!endpoint.equals(properties.restEndpoint(portal))) {
			throw new Bitrix24Exception(response.status(), "portal_mismatch",
					"the tokens are for another portal: " + endpoint);
		}
		return new Tokens(access, refresh, now.plusSeconds(answer.path("expires_in").asLong(0)), endpoint,
				answer.path("member_id").asString(""));
	}

	/** Calls a REST method of the portal with these parameters; the whole answer ({@code result}, {@code next}…). */
	public JsonNode call(String portal, String accessToken, String method, ObjectNode parameters) {
		ObjectNode body = parameters.deepCopy();
		body.put("auth", accessToken);
		HttpPost post = new HttpPost(URI.create(properties.restEndpoint(portal) + method));
		post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
		Answer response = send(portal, true, post);
		JsonNode answer = read(response);
		if (answer.has("error")) {
			throw error(response.status(), answer);
		}
		return answer;
	}

	/**
	 * Whether a portal as typed ({@code host[:port]}) is in a private network that Kredo does not call, as far as its
	 * name resolves now (a name that does not resolve yet is not: it is checked again at every call).
	 */
	public boolean inPrivateNetwork(String portal) {
		if (properties.allowPrivateAddresses()) {
			return false;
		}
		int colon = portal.lastIndexOf(':');
		try {
			vettedAddress(colon < 0 ? portal : portal.substring(0, colon));
			return false;
		}
		catch (Bitrix24Exception refused) {
			return refused.error().equals(Bitrix24Exception.PORTAL_PRIVATE);
		}
		catch (UnknownHostException unknown) {
			return false;
		}
	}

	public ObjectNode parameters() {
		return json.createObjectNode();
	}

	/** An answer: its status and its body, read whole (up to {@link #MAX_ANSWER_BYTES}). */
	private record Answer(int status, String body) {
	}

	private JsonNode read(Answer response) {
		String body = response.body();
		try {
			return body.isBlank() ? json.createObjectNode() : json.readTree(body);
		}
		catch (RuntimeException notJson) {
			throw new Bitrix24Exception(response.status(), "",
					"HTTP " + response.status() + " " + body.substring(0, Math.min(300, body.length())));
		}
	}

	private static Bitrix24Exception error(int status, JsonNode answer) {
		String error = answer.path("error").asString("");
		String description = answer.path("error_description").asString("");
		String text = "HTTP " + status + " " + error + (description.isEmpty() ? "" : ": " + description);
		return new Bitrix24Exception(status, error, text.substring(0, Math.min(300, text.length())));
	}

	// A portal's requests are paced (by portal); the authorisation server's are not (portal null). A request to a
	// tenant's address (vetted) connects only to an address looked up and checked here.
	private Answer send(String portal, boolean vetted, HttpUriRequestBase request) {
		if (portal != null) {
			pace(portal);
		}
		request.setHeader("Accept", "application/json");
		Answer response;
		try {
			URI uri = request.getUri();
			HttpHost target = vetted ? pinned(uri) : HttpHost.create(uri);
			// The timeout is for the whole answer, not for each byte of it: a portal that drips its answer is cut off.
			// Closed without reading past the limit: a huge answer is cut off, and its connection is not reused.
			try (CallDeadline deadline = CallDeadline.of(properties.timeout(), request)) {
				try (ClassicHttpResponse answer = http.executeOpen(target, request, null)) {
					String body = "";
					if (answer.getEntity() != null) {
						try (InputStream in = answer.getEntity().getContent()) {
							body = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
						}
					}
					response = new Answer(answer.getCode(), body);
				}
				catch (IOException | RuntimeException ex) {
					if (deadline.passed()) {
						throw new Bitrix24Exception(0, "", "no whole answer within " + properties.timeout().toMillis()
								+ " ms");
					}
					throw ex;
				}
			}
		}
		catch (IOException | java.net.URISyntaxException ex) {
			throw new Bitrix24Exception(0, "", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		int status = response.status();
		if (status >= 200 && status < 300) {
			return response;
		}
		throw error(status, read(response));
	}

	/**
	 * The request's host, to be reached at an address checked now. A host Java's URI does not take for a host name
	 * ({@code 0x7f.1}: a label that starts with a digit last) is read from the authority as it is.
	 */
	private HttpHost pinned(URI uri) throws UnknownHostException {
		String host = uri.getHost();
		int port = uri.getPort();
		if (host == null) {
			String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
			int colon = authority.lastIndexOf(':');
			host = colon < 0 ? authority : authority.substring(0, colon);
			String digits = colon < 0 ? "" : authority.substring(colon + 1);
			if (!digits.isEmpty() && !digits.chars().allMatch(Character::isDigit) || digits.length() > 5) {
				throw new UnknownHostException(authority);
			}
			port = digits.isEmpty() ? -1 : Integer.parseInt(digits);
		}
		if (host.isEmpty()) {
			throw new UnknownHostException(uri.toString());
		}
		return new HttpHost(uri.getScheme(), vettedAddress(host), host, port);
	}

	/**
	 * The first of the host's addresses, looked up once; refused ({@code portal_private}, for good) when any is in a
	 * private network and such are not allowed.
	 */
	private InetAddress vettedAddress(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare; // «localhost.» is localhost
		InetAddress numeric = PrivateNetworks.numeric(bare);
		InetAddress[] addresses = numeric != null ? new InetAddress[] { numeric } : resolver.resolve(bare);
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(bare);
		}
		if (!properties.allowPrivateAddresses()) {
			for (InetAddress address : addresses) {
				if (PrivateNetworks.isInternal(address)) {
					throw new Bitrix24Exception(0, Bitrix24Exception.PORTAL_PRIVATE,
							"the portal's address is in a private network");
				}
			}
		}
		return addresses[0];
	}

	@Override
	public void close() throws IOException {
		http.close();
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
