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
 * <li>Webhooks ({@code /api/v4/webhooks}): {@code POST} an object with {@code destination} and {@code settings}
 * (the account administrator's right: {@link #notAdministrator} makes it a 403), {@code GET} the list,
 * {@code DELETE} with {@code destination} (204). {@link #completeTask} and {@link #moveLead} change an entity as a
 * manager would and give the {@code application/x-www-form-urlencoded} posts amoCRM makes to each webhook subscribed
 * for {@code update_task} or {@code status_lead} ({@code entity[action][0][field]}, plus {@code account[...]}).</li>
 * <li>{@code GET /api/v4/leads/pipelines}: the pipelines with their statuses, the «unsorted» one (type 1) and the
 * won (142) and lost (143) ones in each; {@code GET /api/v4/tasks/{id}} ({@code is_completed}, {@code result.text})
 * and {@code GET /api/v4/leads/{id}} ({@code status_id}).</li>
 * <li>The lists as «Задачи» and «Сделки» of API v4 describe them: every task and lead has {@code created_at} and
 * {@code updated_at} (Unix seconds; a manager's change moves {@code updated_at}); {@code GET /api/v4/tasks} filters by
 * {@code filter[is_completed]} (1 completed, 0 to do), {@code filter[entity_type]}, {@code filter[entity_id]},
 * {@code filter[id]} and {@code filter[updated_at]} (a timestamp: from it on; or {@code [from]}/{@code [to]}, both
 * inclusive), {@code GET /api/v4/leads} by {@code query}, {@code filter[id]} and {@code filter[updated_at]}; at most
 * 250 a page (the {@code limit}), {@code page} from 1, {@code _links.next} while more are left, 204 past the last.
 * {@link #failNext} makes the next requests fail with a status of the test's choosing (a 500, a 502…).</li>
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
	private final AtomicInteger forcedFailures = new AtomicInteger();
	private volatile int forcedStatus = 500;
	private volatile String forcedPath = "";
	private final AtomicInteger refreshes = new AtomicInteger();
	private final AtomicLong ids = new AtomicLong(9_000_000);
	private final List<ObjectNode> webhooks = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> pipelines = new CopyOnWriteArrayList<>();
	private volatile boolean administrator = true;
	private volatile String redirectUri;

	/** A post amoCRM makes to a webhook: where, and the form-encoded body. */
	public record Hook(String destination, String body) {
	}

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

	/** Answer the next {@code times} API requests with this status (amoCRM's 5xx: a problem+json body). */
	public void failNext(int status, int times) {
		failNext("/api/v4/", status, times);
	}

	/** Answer the next {@code times} API requests under this path with this status. */
	public void failNext(String path, int status, int times) {
		forcedPath = path;
		forcedStatus = status;
		forcedFailures.set(times);
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

	/** The connecting user is not the account's administrator: subscribing a webhook is a 403. */
	public void notAdministrator() {
		administrator = false;
	}

	/** Adds a pipeline with these working statuses (ids and names alternate: 501, "Первичный контакт", …). */
	public void addPipeline(long id, String name, Object... statuses) {
		ObjectNode pipeline = json.createObjectNode();
		pipeline.put("id", id).put("name", name).put("sort", 10 * (pipelines.size() + 1)).put("is_main", pipelines.isEmpty())
			.put("is_unsorted_on", true).put("is_archive", false).put("account_id", 28805383);
		ArrayNode list = pipeline.putObject("_embedded").putArray("statuses");
		list.addObject().put("id", id * 10).put("name", "Неразобранное").put("type", 1).put("pipeline_id", id);
		for (int i = 0; i < statuses.length; i += 2) {
			list.addObject().put("id", ((Number) statuses[i]).longValue()).put("name", (String) statuses[i + 1])
				.put("type", 0).put("pipeline_id", id);
		}
		list.addObject().put("id", 142).put("name", "Успешно реализовано").put("type", 0).put("pipeline_id", id);
		list.addObject().put("id", 143).put("name", "Закрыто и не реализовано").put("type", 0).put("pipeline_id", id);
		pipelines.add(pipeline);
	}

	public List<ObjectNode> webhooks() {
		return List.copyOf(webhooks);
	}

	/** The manager completes the task with this result (blank: none): amoCRM's posts for {@code update_task}. */
	public List<Hook> completeTask(long id, String result) {
		ObjectNode task = tasks.stream().filter(t -> t.path("id").asLong() == id).findFirst().orElseThrow();
		task.put("is_completed", true).put("updated_at", now());
		if (result != null && !result.isBlank()) {
			task.putObject("result").put("text", result);
		}
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("task[update][0][id]", String.valueOf(id));
		fields.put("task[update][0][element_id]", task.path("entity_id").asString(""));
		fields.put("task[update][0][element_type]", "1");
		fields.put("task[update][0][task_type]", String.valueOf(task.path("task_type_id").asInt(1)));
		fields.put("task[update][0][text]", task.path("text").asString(""));
		fields.put("task[update][0][status]", "1");
		fields.put("task[update][0][action_close]", "1");
		fields.put("task[update][0][responsible_user_id]", task.path("responsible_user_id").asString(""));
		return hooks("update_task", fields);
	}

	/** The manager moves the lead to this status: amoCRM's posts for {@code status_lead}. */
	public List<Hook> moveLead(long id, long statusId) {
		ObjectNode lead = leads.stream().filter(l -> l.path("id").asLong() == id).findFirst().orElseThrow();
		String old = lead.path("status_id").asString("");
		lead.put("status_id", statusId).put("updated_at", now());
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("leads[status][0][id]", String.valueOf(id));
		fields.put("leads[status][0][status_id]", String.valueOf(statusId));
		fields.put("leads[status][0][pipeline_id]", lead.path("pipeline_id").asString(""));
		fields.put("leads[status][0][old_status_id]", old);
		fields.put("leads[status][0][old_pipeline_id]", lead.path("pipeline_id").asString(""));
		return hooks("status_lead", fields);
	}

	private List<Hook> hooks(String setting, Map<String, String> fields) {
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("account[subdomain]", String.valueOf(server.getAddress().getPort()));
		all.put("account[id]", "28805383");
		all.put("account[_links][self]", baseUrl());
		String body = encode(all);
		return webhooks.stream()
			.filter(hook -> !hook.path("disabled").asBoolean(false))
			.filter(hook -> java.util.stream.StreamSupport.stream(hook.path("settings").spliterator(), false)
				.anyMatch(s -> s.asString("").equals(setting)))
			.map(hook -> new Hook(hook.path("destination").asString(), body))
			.toList();
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
			if (path.startsWith(forcedPath) && forcedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				answer(exchange, forcedStatus, problem(forcedStatus, "Internal Server Error"));
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
		if (parts[0].equals("webhooks") && parts.length == 1) {
			webhooks(exchange, method, query);
			return;
		}
		if (parts[0].equals("leads") && parts.length == 2 && parts[1].equals("pipelines") && method.equals("GET")) {
			ObjectNode answer = json.createObjectNode();
			answer.put("_total_items", pipelines.size());
			ArrayNode list = answer.putObject("_embedded").putArray("pipelines");
			pipelines.forEach(list::add);
			answer(exchange, 200, answer);
			return;
		}
		if ((parts[0].equals("tasks") || parts[0].equals("leads")) && parts.length == 2 && method.equals("GET")) {
			long id = Long.parseLong(parts[1]);
			ObjectNode found = (parts[0].equals("tasks") ? tasks : leads).stream()
				.filter(e -> e.path("id").asLong() == id).findFirst().orElse(null);
			answer(exchange, found == null ? 204 : 200, found);
			return;
		}
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
					task.put("is_completed", false);
					require(!task.path("text").asString("").isEmpty(), "text");
					require(task.path("complete_till").asLong() > 0, "complete_till");
					require(task.path("entity_type").asString("").equals("contacts") == task.has("entity_id"), "entity");
				});
			}
			else {
				String entity = query.get("filter[entity_id]");
				String type = query.get("filter[entity_type]");
				String completed = query.get("filter[is_completed]");
				page(exchange, "/api/v4/tasks", query, "tasks", tasks.stream()
					.filter(t -> entity == null || t.path("entity_id").asString("").equals(entity))
					.filter(t -> type == null || t.path("entity_type").asString("").equals(type))
					.filter(t -> completed == null || t.path("is_completed").asBoolean(false) == completed.equals("1"))
					.filter(t -> !query.containsKey("filter[id]") || t.path("id").asString().equals(query.get("filter[id]")))
					.filter(t -> updatedWithin(t, query))
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
					.filter(l -> l.path("name").asString("").contains(wanted))
					.filter(l -> !query.containsKey("filter[id]") || l.path("id").asString().equals(query.get("filter[id]")))
					.filter(l -> updatedWithin(l, query))
					.map(JsonNode.class::cast).toList());
			}
			return;
		}
		answer(exchange, 404, problem(404, "Not Found"));
	}

	private void webhooks(HttpExchange exchange, String method, Map<String, String> query) throws IOException {
		if (method.equals("GET")) {
			String destination = query.get("filter[destination]");
			ObjectNode answer = json.createObjectNode();
			ArrayNode list = answer.putObject("_embedded").putArray("webhooks");
			webhooks.stream().filter(h -> destination == null || h.path("destination").asString().equals(destination))
				.forEach(list::add);
			answer.put("_total_items", list.size());
			answer(exchange, 200, answer);
			return;
		}
		if (!administrator) {
			answer(exchange, 403, problem(403, "Forbidden"));
			return;
		}
		JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
		String destination = body.path("destination").asString("");
		require(destination.startsWith("http://") || destination.startsWith("https://"), "destination");
		if (method.equals("DELETE")) {
			webhooks.removeIf(h -> h.path("destination").asString().equals(destination));
			answer(exchange, 204, null);
			return;
		}
		require(method.equals("POST"), "method");
		require(body.path("settings").isArray() && !body.path("settings").isEmpty(), "settings");
		// One webhook per destination: subscribing it again replaces its settings.
		webhooks.removeIf(h -> h.path("destination").asString().equals(destination));
		ObjectNode hook = json.createObjectNode();
		hook.put("id", ids.incrementAndGet()).put("destination", destination).put("created_by", 77)
			.put("created_at", System.currentTimeMillis() / 1000).put("updated_at", System.currentTimeMillis() / 1000)
			.put("sort", body.path("sort").asInt(1)).put("disabled", false).set("settings", body.path("settings").deepCopy());
		webhooks.add(hook);
		answer(exchange, 200, hook);
	}

	// filter[updated_at]=<timestamp> is «from then on»; filter[updated_at][from] and [to] bound it, both inclusive.
	private static boolean updatedWithin(JsonNode entity, Map<String, String> query) {
		long updated = entity.path("updated_at").asLong();
		String from = query.getOrDefault("filter[updated_at][from]", query.get("filter[updated_at]"));
		String to = query.get("filter[updated_at][to]");
		return (from == null || updated >= Long.parseLong(from)) && (to == null || updated <= Long.parseLong(to));
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
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
			entity.put("id", ids.incrementAndGet()).put("created_at", now()).put("updated_at", now());
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
