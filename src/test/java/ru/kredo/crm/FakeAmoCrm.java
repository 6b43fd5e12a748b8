package ru.kredo.crm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * amoCRM on 127.0.0.1 as its published documentation describes it, for the connector's tests:
 * <ul>
 * <li>{@code POST /oauth2/access_token}: JSON with {@code client_id}, {@code client_secret}, {@code redirect_uri} and
 * the {@code authorization_code} grant (a code is good once) or the {@code refresh_token} grant; each answer carries a
 * new refresh token and the one used is spent (rotation); a wrong one is a 400.</li>
 * <li>API v4, {@code Authorization: Bearer}: an unknown or expired access token is a 401; more than 7 requests in a
 * second a 429 (and {@link #rateLimitNext} forces some); HAL+JSON answers, lists paged by {@code page}/{@code limit}
 * with {@code _links.next}, an empty list a 204.</li>
 * </ul>
 */
public final class FakeAmoCrm {

	public static final String CLIENT_ID = "0f0d7e1c-amo-client";
	public static final String CLIENT_SECRET = "amo-secret";
	public static final int LIMIT_PER_SECOND = 7;

	private final JsonMapper json = JsonMapper.builder().build();
	private final HttpServer server;
	private final Set<String> codes = ConcurrentHashMap.newKeySet();
	private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
	private final Map<Long, ObjectNode> contacts = new ConcurrentHashMap<>();
	private final List<ObjectNode> tasks = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> notes = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> leads = new CopyOnWriteArrayList<>();
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final Deque<Long> window = new ArrayDeque<>();
	private final AtomicInteger forced429 = new AtomicInteger();
	private final AtomicInteger refreshes = new AtomicInteger();
	private final AtomicLong ids = new AtomicLong(9_000_000);
	private volatile String redirectUri;

	private FakeAmoCrm() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	public static FakeAmoCrm start() {
		try {
			return new FakeAmoCrm();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void stop() {
		server.stop(0);
	}

	/** The code amoCRM's consent page would give, valid for this redirect URI. */
	public String issueCode(String redirectUri) {
		this.redirectUri = redirectUri;
		String code = "def502" + UUID.randomUUID();
		codes.add(code);
		return code;
	}

	/** Every access token issued so far stops working (as after 24 hours). */
	public void expireAccessTokens() {
		accessTokens.clear();
	}

	/** Answer the next {@code times} API requests with 429. */
	public void rateLimitNext(int times) {
		forced429.set(times);
	}

	public int refreshes() {
		return refreshes.get();
	}

	public void addContact(long id, long responsibleUserId, String name, String... phones) {
		ObjectNode contact = json.createObjectNode();
		contact.put("id", id).put("name", name).put("responsible_user_id", responsibleUserId);
		ArrayNode values = contact.putArray("custom_fields_values").addObject().put("field_id", 1001)
			.put("field_name", "Телефон").put("field_code", "PHONE").putArray("values");
		for (String phone : phones) {
			values.addObject().put("value", phone).put("enum_code", "WORK");
		}
		contacts.put(id, contact);
	}

	public List<ObjectNode> tasks() {
		return List.copyOf(tasks);
	}

	public List<ObjectNode> notes() {
		return List.copyOf(notes);
	}

	public List<ObjectNode> leads() {
		return List.copyOf(leads);
	}

	/** "METHOD path?query" of every request, in order. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		requests.add(method + " " + path + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
		try {
			if (path.equals("/oauth2/access_token") && method.equals("POST")) {
				token(exchange);
				return;
			}
			if (!path.startsWith("/api/v4/")) {
				answer(exchange, 404, null);
				return;
			}
			if (overLimit()) {
				answer(exchange, 429, problem(429, "Too Many Requests"));
				return;
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")
					|| !accessTokens.contains(authorization.substring(7))) {
				answer(exchange, 401, problem(401, "Unauthorized"));
				return;
			}
			api(exchange, method, path, query(exchange));
		}
		catch (RuntimeException ex) {
			answer(exchange, 400, problem(400, "Bad Request: " + ex.getMessage()));
		}
	}

	private synchronized boolean overLimit() {
		if (forced429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return true;
		}
		long now = System.nanoTime();
		while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
			window.pollFirst();
		}
		if (window.size() >= LIMIT_PER_SECOND) {
			return true;
		}
		window.addLast(now);
		return false;
	}

	private void token(HttpExchange exchange) throws IOException {
		JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
		boolean client = CLIENT_ID.equals(body.path("client_id").asString(""))
				&& CLIENT_SECRET.equals(body.path("client_secret").asString(""))
				&& body.path("redirect_uri").asString("").equals(redirectUri);
		String grant = body.path("grant_type").asString("");
		boolean granted = switch (grant) {
			case "authorization_code" -> codes.remove(body.path("code").asString(""));
			case "refresh_token" -> refreshTokens.remove(body.path("refresh_token").asString(""));
			default -> false;
		};
		if (!client || !granted) {
			answer(exchange, 400, problem(400, "Bad Request"));
			return;
		}
		if (grant.equals("refresh_token")) {
			refreshes.incrementAndGet();
		}
		String access = "eyJ0" + UUID.randomUUID();
		String refresh = "def5" + UUID.randomUUID();
		accessTokens.add(access);
		refreshTokens.add(refresh);
		ObjectNode answer = json.createObjectNode();
		answer.put("token_type", "Bearer").put("expires_in", 86400).put("access_token", access)
			.put("refresh_token", refresh);
		answer(exchange, 200, answer);
	}

	private void api(HttpExchange exchange, String method, String path, Map<String, String> query) throws IOException {
		String[] parts = path.substring("/api/v4/".length()).split("/");
		if (parts[0].equals("contacts") && parts.length == 1 && method.equals("GET")) {
			String wanted = query.getOrDefault("query", "");
			page(exchange, "/api/v4/contacts", query, "contacts", contacts.values().stream()
				.sorted((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong()))
				.filter(c -> matches(c, wanted))
				.map(JsonNode.class::cast).toList());
			return;
		}
		if (parts[0].equals("contacts") && parts.length == 2 && method.equals("GET")) {
			ObjectNode contact = contacts.get(Long.parseLong(parts[1]));
			answer(exchange, contact == null ? 204 : 200, contact);
			return;
		}
		if (parts[0].equals("contacts") && parts.length == 3 && parts[2].equals("notes")) {
			long contact = Long.parseLong(parts[1]);
			if (method.equals("POST")) {
				create(exchange, "notes", notes, note -> {
					require(note.path("note_type").asString("").equals("common"), "note_type");
					require(!note.path("params").path("text").asString("").isEmpty(), "params.text");
					note.put("entity_id", contact);
				});
			}
			else {
				page(exchange, path, query, "notes", notes.stream().filter(n -> n.path("entity_id").asLong() == contact)
					.map(JsonNode.class::cast).toList());
			}
			return;
		}
		if (parts[0].equals("tasks")) {
			if (method.equals("POST")) {
				create(exchange, "tasks", tasks, task -> {
					require(!task.path("text").asString("").isEmpty(), "text");
					require(task.path("complete_till").asLong() > 0, "complete_till");
					require(task.path("entity_type").asString("").equals("contacts") == task.has("entity_id"), "entity");
				});
			}
			else {
				String entity = query.get("filter[entity_id]");
				page(exchange, "/api/v4/tasks", query, "tasks", tasks.stream()
					.filter(t -> entity == null || t.path("entity_id").asString("").equals(entity))
					.map(JsonNode.class::cast).toList());
			}
			return;
		}
		if (parts[0].equals("leads")) {
			if (method.equals("POST")) {
				create(exchange, "leads", leads, lead -> require(!lead.path("name").asString("").isEmpty(), "name"));
			}
			else {
				String wanted = query.getOrDefault("query", "");
				page(exchange, "/api/v4/leads", query, "leads", leads.stream()
					.filter(l -> l.path("name").asString("").contains(wanted)).map(JsonNode.class::cast).toList());
			}
			return;
		}
		answer(exchange, 404, problem(404, "Not Found"));
	}

	// amoCRM's query= searches the filled fields: the name, and a phone by its digits.
	private static boolean matches(JsonNode contact, String wanted) {
		if (contact.path("name").asString("").contains(wanted)) {
			return true;
		}
		String digits = wanted.replaceAll("\\D", "");
		for (JsonNode field : contact.path("custom_fields_values")) {
			for (JsonNode value : field.path("values")) {
				if (!digits.isEmpty() && value.path("value").asString("").replaceAll("\\D", "").contains(digits)) {
					return true;
				}
			}
		}
		return false;
	}

	private void create(HttpExchange exchange, String kind, List<ObjectNode> into,
			java.util.function.Consumer<ObjectNode> check) throws IOException {
		JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
		require(body.isArray() && !body.isEmpty(), "an array");
		ObjectNode answer = json.createObjectNode();
		answer.putObject("_links").putObject("self").put("href", baseUrl() + "/api/v4/" + kind);
		ArrayNode created = answer.putObject("_embedded").putArray(kind);
		List<ObjectNode> added = new ArrayList<>();
		for (JsonNode item : body) {
			ObjectNode entity = ((ObjectNode) item).deepCopy();
			check.accept(entity);
			entity.put("id", ids.incrementAndGet());
			added.add(entity);
			created.addObject().put("id", entity.path("id").asLong()).put("request_id", "0");
		}
		into.addAll(added);
		answer(exchange, 200, answer);
	}

	private void page(HttpExchange exchange, String path, Map<String, String> query, String kind, List<JsonNode> all)
			throws IOException {
		int limit = Math.min(250, Integer.parseInt(query.getOrDefault("limit", "50")));
		int page = Integer.parseInt(query.getOrDefault("page", "1"));
		List<JsonNode> items = all.stream().skip((long) (page - 1) * limit).limit(limit).toList();
		if (items.isEmpty()) {
			answer(exchange, 204, null);
			return;
		}
		Map<String, String> next = new HashMap<>(query);
		next.put("page", String.valueOf(page + 1));
		ObjectNode answer = json.createObjectNode();
		answer.put("_page", page);
		ObjectNode links = answer.putObject("_links");
		links.putObject("self").put("href", baseUrl() + path + "?" + encode(query));
		if ((long) page * limit < all.size()) {
			links.putObject("next").put("href", baseUrl() + path + "?" + encode(next));
		}
		ArrayNode embedded = answer.putObject("_embedded").putArray(kind);
		items.forEach(embedded::add);
		answer(exchange, 200, answer);
	}

	private static String encode(Map<String, String> query) {
		return String.join("&", query.entrySet().stream()
			.map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.toList());
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		return query;
	}

	private static void require(boolean ok, String what) {
		if (!ok) {
			throw new IllegalArgumentException(what);
		}
	}

	private ObjectNode problem(int status, String title) {
		ObjectNode problem = json.createObjectNode();
		problem.put("title", title).put("type", "https://httpstatus.es/" + status).put("status", status)
			.put("detail", title);
		return problem;
	}

	private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = body == null || status == 204 ? new byte[0] : json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type",
				status >= 400 ? "application/problem+json" : "application/hal+json");
		exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
		if (status != 204) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}
}
