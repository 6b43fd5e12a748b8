package ru.kredo.crm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bitrix24 portal and Bitrix24's authorisation server on 127.0.0.1, as the published REST documentation
 * (apidocs.bitrix24.com) describes them, for the connector's tests:
 * <ul>
 * <li>{@code GET /oauth/token/?grant_type=…&client_id=…&client_secret=…}: the {@code authorization_code} grant (a code
 * is good once) and the {@code refresh_token} grant; each answer has a new refresh token, the one used is spent, and
 * {@code client_endpoint} names the portal's REST address; a wrong one is {@code 400 invalid_grant} or
 * {@code invalid_client}.</li>
 * <li>{@code /rest/<method>} with the access token as {@code auth} (in the JSON body or the query): none is
 * {@code 401 NO_AUTH_FOUND}, an expired one {@code 401 expired_token}, an unknown one {@code 401 invalid_token}.
 * Requests fill a leaky bucket that drains {@value #DRAIN_PER_SECOND} a second; once it holds the threshold (50, as on
 * Bitrix24's plans below Enterprise, or what the test gives) a request is {@code 503 QUERY_LIMIT_EXCEEDED}.</li>
 * <li>{@code crm.category.list} ({@code entityTypeId} 2) answers {@code result.categories}: the deal pipelines,
 * {@code id}, {@code name}, {@code sort}, {@code entityTypeId}, {@code isDefault} (the general one, id 0, is "Y");
 * {@code crm.status.list} with {@code filter.ENTITY_ID} {@code DEAL_STAGE} (the general pipeline) or
 * {@code DEAL_STAGE_<id>} answers that pipeline's stages: {@code ENTITY_ID}, {@code STATUS_ID} (NEW, C3:NEW),
 * {@code NAME}, {@code SORT}, {@code CATEGORY_ID}, {@code SEMANTICS} (null while in progress, S won, F lost). A new
 * portal has the general pipeline with its stages NEW, PREPARATION, WON and LOSE.</li>
 * <li>List methods answer 50 at a time with {@code total} and, while more are left, {@code next}: the {@code start} of
 * the next page. A method's own refusal is a 400 with its {@code error} and {@code error_description}.</li>
 * <li>Events: {@code event.bind} ({@code event}, {@code handler}; the name is kept upper case, a handler bound twice
 * to one event is refused «Handler already binded») answers {@code result} true; {@code event.unbind} answers
 * {@code result.count}; {@code event.get} lists {@code event}, {@code handler}, {@code auth_type}. A manager's change
 * ({@link #completeTask}, {@link #moveDeal}) gives the posts Bitrix24 makes to each handler bound to the event:
 * {@code application/x-www-form-urlencoded} {@code event}, {@code event_handler_id}, {@code data[…]}
 * ({@code ONTASKUPDATE}: {@code data[FIELDS_BEFORE][ID]}, {@code data[FIELDS_AFTER][ID]},
 * {@code data[IS_ACCESSIBLE_BEFORE]}, {@code data[IS_ACCESSIBLE_AFTER]}; {@code ONCRMDEALUPDATE}:
 * {@code data[FIELDS][ID]}), {@code ts} and {@code auth[…]} with the acting user's {@code access_token},
 * {@code domain}, {@code member_id}, {@code application_token} (the same for every event of the application).
 * {@code app.info} answers the application of the token it is called with ({@code CODE}: its client_id).</li>
 * <li>{@code tasks.task.get} ({@code taskId}) answers {@code result.task} with its {@code status} (2 pending, 5
 * completed); {@code crm.deal.get} ({@code id}) the deal with {@code STAGE_ID} and {@code STAGE_SEMANTIC_ID} (P, S, F);
 * an id the portal does not have is a 400.</li>
 * <li>Tasks carry {@code createdDate} and {@code changedDate}, deals {@code DATE_CREATE} and {@code DATE_MODIFY}, as
 * the portal answers them: ISO 8601 in the portal's time zone (Moscow here, {@code +03:00}); a manager's change moves
 * them. {@code tasks.task.list} filters by {@code STATUS}, {@code UF_CRM_TASK} and {@code >=CHANGED_DATE} /
 * {@code <=CHANGED_DATE}, {@code crm.deal.list} by {@code ORIGINATOR_ID}, {@code ORIGIN_ID} and {@code >=DATE_MODIFY}
 * / {@code <=DATE_MODIFY} (a date with its offset), both ordered by {@code order.ID}. {@link #failNext} makes the
 * next requests fail with a status and error of the test's choosing ({@code 500 INTERNAL_SERVER_ERROR}…).</li>
 * </ul>
 */
public final class FakeBitrix24 {

	public static final String CLIENT_ID = "local.6667fc928a50a9.70414732";
	public static final String CLIENT_SECRET = "ZeKyeYIgy2NsHZqsIHY6GfG1V";
	public static final int DRAIN_PER_SECOND = 2;
	/** What Bitrix24 signs every event of the application with (auth[application_token]). */
	public static final String APPLICATION_TOKEN = "51856fefc120afa4b628cc82d3935cce";
	public static final String MEMBER_ID = "a223c6b3710f85df22e9377d6c4f7553";

	/** A post Bitrix24 makes to an event handler: where, and the form-encoded body. */
	public record Event(String handler, String body) {
	}

	static final int PAGE = 50;

	private final JsonMapper json = JsonMapper.builder().build();
	private final HttpServer server;
	private final int threshold;
	private final Set<String> codes = ConcurrentHashMap.newKeySet();
	private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
	private final Map<Long, ObjectNode> contacts = new ConcurrentHashMap<>();
	private final List<ObjectNode> tasks = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> comments = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> deals = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> categories = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> stages = new CopyOnWriteArrayList<>();
	private final List<ObjectNode> bindings = new CopyOnWriteArrayList<>();
	private volatile boolean pipelinesBroken;
	private volatile boolean withoutTaskScope;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final AtomicInteger forcedLimit = new AtomicInteger();
	private final AtomicInteger forcedFailures = new AtomicInteger();
	private volatile int forcedStatus = 500;
	private volatile String forcedError = "INTERNAL_SERVER_ERROR";
	private final AtomicInteger refreshes = new AtomicInteger();
	private final AtomicInteger limited = new AtomicInteger();
	private final AtomicLong ids = new AtomicLong(4000);
	private volatile String clientEndpoint;
	private double bucket;
	private long drainedAt = System.nanoTime();

	private FakeBitrix24(int threshold) throws IOException {
		this.threshold = threshold;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
		clientEndpoint = "http://" + portal() + "/rest/";
		addPipeline(0, "Общая", "NEW:Новая", "PREPARATION:Подготовка документов", "WON:Сделка успешна:S",
				"LOSE:Сделка провалена:F");
	}

	/**
	 * A deal pipeline and its stages, each «STATUS_ID without the C<id>: prefix:name[:semantics]», in order; for id 0 it
	 * replaces the general pipeline's name and stages.
	 */
	public void addPipeline(long id, String name, String... stageSpecs) {
		categories.removeIf(c -> c.path("id").asLong() == id);
		stages.removeIf(s -> s.path("CATEGORY_ID").asLong() == id);
		ObjectNode category = json.createObjectNode();
		category.put("id", id).put("name", name).put("sort", 100 + categories.size() * 100).put("entityTypeId", 2)
			.put("isDefault", id == 0 ? "Y" : "N");
		categories.add(category);
		int sort = 10;
		for (String spec : stageSpecs) {
			String[] parts = spec.split(":", 3);
			ObjectNode stage = json.createObjectNode();
			stage.put("ID", String.valueOf(ids.incrementAndGet()))
				.put("ENTITY_ID", id == 0 ? "DEAL_STAGE" : "DEAL_STAGE_" + id)
				.put("STATUS_ID", id == 0 ? parts[0] : "C" + id + ":" + parts[0]).put("NAME", parts[1])
				.put("SORT", String.valueOf(sort)).put("CATEGORY_ID", String.valueOf(id));
			if (parts.length > 2) {
				stage.put("SEMANTICS", parts[2]);
			}
			else {
				stage.putNull("SEMANTICS");
			}
			stages.add(stage);
			sort += 10;
		}
	}

	/**
	 * The application was added without the {@code task} scope: its tokens' {@code scope} is {@code crm}, and a task
	 * method (binding a task event too) is {@code 401 insufficient_scope}.
	 */
	public void withoutTaskScope() {
		withoutTaskScope = true;
	}

	/** From now on the pipelines and stages cannot be read: Bitrix24 answers 500 INTERNAL_SERVER_ERROR. */
	public void breakPipelines() {
		pipelinesBroken = true;
	}

	/** A portal whose bucket holds 50 requests. */
	public static FakeBitrix24 start() {
		return start(50);
	}

	/** A portal whose bucket holds {@code threshold} requests. */
	public static FakeBitrix24 start(int threshold) {
		try {
			return new FakeBitrix24(threshold);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The portal's address, as an admin types it (the test configuration puts {@code http://} before it). */
	public String portal() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	public void stop() {
		server.stop(0);
	}

	/** The code the consent page would give. */
	public String issueCode() {
		String code = UUID.randomUUID().toString().replace("-", "");
		codes.add(code);
		return code;
	}

	/** From now on the token answers name another portal's REST address. */
	public void answerForAnotherPortal(String endpoint) {
		clientEndpoint = endpoint;
	}

	/** Every access token issued so far has expired (as after an hour). */
	public void expireAccessTokens() {
		accessTokens.replaceAll((token, live) -> false);
	}

	/** Answer the next {@code times} REST requests with QUERY_LIMIT_EXCEEDED. */
	public void limitNext(int times) {
		forcedLimit.set(times);
	}

	/** Answer the next {@code times} REST requests with this status and {@code error}. */
	public void failNext(int status, String error, int times) {
		forcedStatus = status;
		forcedError = error;
		forcedFailures.set(times);
	}

	public int refreshes() {
		return refreshes.get();
	}

	/** How many requests were answered QUERY_LIMIT_EXCEEDED. */
	public int limited() {
		return limited.get();
	}

	public void addContact(long id, long assignedById, String name, String... phones) {
		ObjectNode contact = json.createObjectNode();
		contact.put("ID", String.valueOf(id)).put("NAME", name).put("ASSIGNED_BY_ID", String.valueOf(assignedById));
		ArrayNode values = contact.putArray("PHONE");
		for (String phone : phones) {
			values.addObject().put("ID", String.valueOf(ids.incrementAndGet())).put("VALUE_TYPE", "WORK")
				.put("VALUE", phone).put("TYPE_ID", "PHONE");
		}
		contacts.put(id, contact);
	}

	/** A task someone else made on the contact; its id. */
	public long addOtherTask(long contactId, String title) {
		ObjectNode task = json.createObjectNode();
		task.put("id", String.valueOf(ids.incrementAndGet())).put("title", title).put("description", title)
			.put("status", "2").put("responsibleId", "1").put("createdDate", now()).put("changedDate", now())
			.putArray("ufCrmTask").add("C_" + contactId);
		tasks.add(task);
		return task.path("id").asLong();
	}

	public List<ObjectNode> tasks() {
		return tasks.stream().filter(t -> t.path("title").asString("").startsWith("Kredo")).toList();
	}

	/** Every task, Kredo's and anyone else's. */
	public List<ObjectNode> allTasks() {
		return List.copyOf(tasks);
	}

	public List<ObjectNode> comments() {
		return List.copyOf(comments);
	}

	public List<ObjectNode> deals() {
		return List.copyOf(deals);
	}

	/** The event handlers bound ({@code event}, {@code handler}, {@code auth_type}). */
	public List<ObjectNode> bindings() {
		return List.copyOf(bindings);
	}

	/** A manager completes the task (status 5): the posts Bitrix24 makes to the ONTASKUPDATE handlers. */
	public List<Event> completeTask(long id) {
		ObjectNode task = tasks.stream().filter(t -> t.path("id").asLong() == id).findFirst().orElseThrow();
		task.put("status", "5").put("changedDate", now());
		return events("ONTASKUPDATE", Map.of("data[FIELDS_BEFORE][ID]", String.valueOf(id), "data[FIELDS_AFTER][ID]",
				String.valueOf(id), "data[IS_ACCESSIBLE_BEFORE]", "undefined", "data[IS_ACCESSIBLE_AFTER]", "undefined"));
	}

	/** A manager moves the deal to the stage: the posts Bitrix24 makes to the ONCRMDEALUPDATE handlers. */
	public List<Event> moveDeal(long id, String stageId) {
		ObjectNode deal = deals.stream().filter(d -> d.path("ID").asLong() == id).findFirst().orElseThrow();
		deal.put("STAGE_ID", stageId).put("STAGE_SEMANTIC_ID", semantics(stageId)).put("DATE_MODIFY", now());
		return events("ONCRMDEALUPDATE", Map.of("data[FIELDS][ID]", String.valueOf(id)));
	}

	/** Every event of the application: the acting user's fresh access token, the portal, the application's token. */
	private List<Event> events(String event, Map<String, String> data) {
		String userToken = UUID.randomUUID().toString().replace("-", "");
		accessTokens.put(userToken, true);
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("event", event);
		fields.putAll(data);
		fields.put("ts", String.valueOf(System.currentTimeMillis() / 1000));
		fields.put("auth[access_token]", userToken);
		fields.put("auth[expires_in]", "3600");
		fields.put("auth[scope]", "crm,task");
		fields.put("auth[domain]", portal());
		fields.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
		fields.put("auth[status]", "L");
		fields.put("auth[client_endpoint]", clientEndpoint);
		fields.put("auth[member_id]", MEMBER_ID);
		fields.put("auth[application_token]", APPLICATION_TOKEN);
		List<Event> posts = new ArrayList<>();
		for (ObjectNode binding : bindings) {
			if (binding.path("event").asString().equals(event)) {
				StringBuilder body = new StringBuilder("event_handler_id=").append(binding.path("id").asString());
				fields.forEach((name, value) -> body.append('&').append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
					.append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
				posts.add(new Event(binding.path("handler").asString(), body.toString()));
			}
		}
		return posts;
	}

	private String semantics(String stageId) {
		return stages.stream().filter(st -> st.path("STATUS_ID").asString().equals(stageId)).findFirst()
			.map(st -> st.path("SEMANTICS").isNull() ? "P" : st.path("SEMANTICS").asString("P")).orElse("P");
	}

	/** The methods called, in order ("oauth/token" for the authorisation server). */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		try {
			if (path.equals("/oauth/token/") && exchange.getRequestMethod().equals("GET")) {
				requests.add("oauth/token");
				token(exchange, query(exchange));
				return;
			}
			if (!path.startsWith("/rest/")) {
				answer(exchange, 404, null);
				return;
			}
			String method = path.substring("/rest/".length()).replaceFirst("\\.json$", "");
			requests.add(method);
			if (overLimit()) {
				limited.incrementAndGet();
				answer(exchange, 503, error("QUERY_LIMIT_EXCEEDED", "Too many requests"));
				return;
			}
			if (forcedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				answer(exchange, forcedStatus, error(forcedError, "Internal server error"));
				return;
			}
			byte[] raw = exchange.getRequestBody().readAllBytes();
			JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
			String auth = body.path("auth").asString(query(exchange).getOrDefault("auth", ""));
			if (auth.isEmpty()) {
				answer(exchange, 401, error("NO_AUTH_FOUND", "Wrong authorization data"));
				return;
			}
			Boolean live = accessTokens.get(auth);
			if (live == null) {
				answer(exchange, 401, error("invalid_token", "The access token provided is invalid."));
				return;
			}
			if (!live) {
				answer(exchange, 401, error("expired_token", "The access token provided has expired."));
				return;
			}
			rest(exchange, method, body);
		}
		catch (Refusal refusal) {
			answer(exchange, 400, error(refusal.code, refusal.getMessage()));
		}
		catch (RuntimeException ex) {
			answer(exchange, 400, error("", ex.getMessage()));
		}
	}

	// The leaky bucket: every request adds one; it drains DRAIN_PER_SECOND a second; full, it refuses.
	private synchronized boolean overLimit() {
		if (forcedLimit.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return true;
		}
		long now = System.nanoTime();
		bucket = Math.max(0, bucket - (now - drainedAt) / 1e9 * DRAIN_PER_SECOND);
		drainedAt = now;
		if (bucket + 1 > threshold) {
			return true;
		}
		bucket += 1;
		return false;
	}

	private void token(HttpExchange exchange, Map<String, String> query) throws IOException {
		if (!CLIENT_ID.equals(query.get("client_id")) || !CLIENT_SECRET.equals(query.get("client_secret"))) {
			answer(exchange, 400, error("invalid_client", "Invalid client"));
			return;
		}
		String grant = query.getOrDefault("grant_type", "");
		boolean granted = switch (grant) {
			case "authorization_code" -> codes.remove(query.getOrDefault("code", ""));
			case "refresh_token" -> refreshTokens.remove(query.getOrDefault("refresh_token", ""));
			default -> false;
		};
		if (!granted) {
			answer(exchange, 400, error("invalid_grant", "Invalid grant"));
			return;
		}
		if (grant.equals("refresh_token")) {
			refreshes.incrementAndGet();
		}
		String access = UUID.randomUUID().toString().replace("-", "");
		String refresh = UUID.randomUUID().toString().replace("-", "");
		accessTokens.put(access, true);
		refreshTokens.add(refresh);
		ObjectNode answer = json.createObjectNode();
		answer.put("access_token", access).put("client_endpoint", clientEndpoint).put("domain", "oauth.bitrix.info")
			.put("expires_in", 3600).put("member_id", "a223c6b3710f85df22e9377d6c4f7553").put("refresh_token", refresh)
			.put("scope", withoutTaskScope ? "crm" : "crm,task").put("server_endpoint", "https://oauth.bitrix.info/rest/").put("status", "L");
		answer(exchange, 200, answer);
	}

	private void rest(HttpExchange exchange, String method, JsonNode body) throws IOException {
		switch (method) {
			case "crm.contact.list" -> list(exchange, body, contacts.values().stream()
				.filter(contactFilter(body.path("filter")))
				.sorted(Comparator.comparingLong((ObjectNode c) -> c.path("ID").asLong()))
				.map(c -> select(c, body.path("select"))).toList(), false);
			case "crm.duplicate.findbycomm" -> findByComm(exchange, body);
			case "crm.category.list", "crm.status.list" -> {
				if (pipelinesBroken) {
					answer(exchange, 500, error("INTERNAL_SERVER_ERROR", "Internal server error"));
					return;
				}
				if (method.equals("crm.category.list")) {
					require(body.has("entityTypeId"), "", "entityTypeId is required");
					ObjectNode answer = json.createObjectNode();
					ArrayNode items = answer.putObject("result").putArray("categories");
					if (body.path("entityTypeId").asInt() == 2) {
						categories.stream().sorted(Comparator.comparingInt((ObjectNode c) -> c.path("sort").asInt()))
							.forEach(items::add);
					}
					answer.put("total", items.size());
					answer(exchange, 200, answer);
				}
				else {
					String entity = body.path("filter").path("ENTITY_ID").asString("");
					ObjectNode answer = json.createObjectNode();
					ArrayNode items = answer.putArray("result");
					stages.stream().filter(st -> entity.isEmpty() || st.path("ENTITY_ID").asString().equals(entity))
						.sorted(Comparator.comparingInt((ObjectNode st) -> st.path("SORT").asInt()))
						.forEach(items::add);
					answer.put("total", items.size());
					answer(exchange, 200, answer);
				}
			}
			case "tasks.task.add" -> {
				JsonNode fields = body.path("fields");
				require(!fields.path("TITLE").asString("").isEmpty(), "ERROR_CORE", "Task title not specified<br>");
				require(fields.path("RESPONSIBLE_ID").asLong(0) > 0, "ERROR_CORE", "Assignee not specified<br>");
				ObjectNode task = json.createObjectNode();
				task.put("id", String.valueOf(ids.incrementAndGet())).put("status", "2")
					.put("title", fields.path("TITLE").asString())
					.put("description", fields.path("DESCRIPTION").asString(""))
					.put("responsibleId", fields.path("RESPONSIBLE_ID").asString())
					.put("deadline", fields.path("DEADLINE").asString("")).put("createdDate", now())
					.put("changedDate", now());
				ArrayNode crm = task.putArray("ufCrmTask");
				fields.path("UF_CRM_TASK").forEach(crm::add);
				tasks.add(task);
				ObjectNode answer = json.createObjectNode();
				answer.putObject("result").set("task", task);
				answer(exchange, 200, answer);
			}
			case "tasks.task.list" -> {
				JsonNode filter = body.path("filter");
				String bound = filter.path("UF_CRM_TASK").asString("");
				Comparator<ObjectNode> byId = Comparator.comparingLong((ObjectNode t) -> t.path("id").asLong());
				List<JsonNode> found = tasks.stream()
					.filter(t -> bound.isEmpty() || contains(t.path("ufCrmTask"), bound))
					.filter(t -> !filter.has("STATUS") || t.path("status").asString().equals(filter.path("STATUS").asString()))
					.filter(t -> within(t.path("changedDate"), filter, "CHANGED_DATE"))
					.sorted(body.path("order").path("ID").asString("desc").equalsIgnoreCase("asc") ? byId : byId.reversed())
					.map(JsonNode.class::cast).toList();
				list(exchange, body, found, true);
			}
			case "crm.timeline.comment.add" -> {
				require(body.has("fields"), "100", "Required fields not provided");
				JsonNode fields = body.path("fields");
				require(!fields.path("COMMENT").asString("").isBlank(), "INVALID_ARG_VALUE", "Empty comment");
				require(fields.path("ENTITY_TYPE").asString("").equals("contact")
						&& contacts.containsKey(fields.path("ENTITY_ID").asLong(0)), "OWNER_NOT_FOUND",
						"Owner of the element not found");
				ObjectNode comment = json.createObjectNode();
				long id = ids.incrementAndGet();
				comment.put("ID", String.valueOf(id)).put("ENTITY_ID", fields.path("ENTITY_ID").asString())
					.put("ENTITY_TYPE", "contact").put("COMMENT", fields.path("COMMENT").asString());
				comments.add(comment);
				answer(exchange, 200, json.createObjectNode().put("result", id));
			}
			case "crm.timeline.comment.list" -> {
				JsonNode filter = body.path("filter");
				require(filter.has("ENTITY_ID") && filter.has("ENTITY_TYPE"), "", "ENTITY_ID and ENTITY_TYPE are required");
				String entity = filter.path("ENTITY_ID").asString();
				Comparator<ObjectNode> byId = Comparator.comparingLong(c -> c.path("ID").asLong());
				list(exchange, body, comments.stream().filter(c -> c.path("ENTITY_ID").asString().equals(entity))
					.sorted(body.path("order").path("ID").asString("ASC").equals("DESC") ? byId.reversed() : byId)
					.map(JsonNode.class::cast).toList(), false);
			}
			case "crm.deal.add" -> {
				JsonNode fields = body.path("fields");
				long category = fields.path("CATEGORY_ID").asLong(0);
				String stage = fields.path("STAGE_ID").asString("NEW");
				require(category == 0 ? !stage.startsWith("C") || !stage.contains(":") : stage.startsWith("C" + category + ":"),
						"", "Stage is not of the deal's category");
				ObjectNode deal = ((ObjectNode) fields).deepCopy();
				long id = ids.incrementAndGet();
				deal.put("ID", String.valueOf(id)).put("STAGE_ID", stage).put("STAGE_SEMANTIC_ID", semantics(stage))
					.put("CATEGORY_ID", String.valueOf(category)).put("DATE_CREATE", now()).put("DATE_MODIFY", now());
				deals.add(deal);
				answer(exchange, 200, json.createObjectNode().put("result", id));
			}
			case "crm.deal.list" -> {
				JsonNode filter = body.path("filter");
				list(exchange, body, deals.stream()
					.filter(d -> !filter.has("ORIGINATOR_ID")
							|| d.path("ORIGINATOR_ID").asString("").equals(filter.path("ORIGINATOR_ID").asString()))
					.filter(d -> !filter.has("ORIGIN_ID")
							|| d.path("ORIGIN_ID").asString("").equals(filter.path("ORIGIN_ID").asString()))
					.filter(d -> within(d.path("DATE_MODIFY"), filter, "DATE_MODIFY"))
					.sorted(Comparator.comparingLong((ObjectNode d) -> d.path("ID").asLong()))
					.map(d -> select(d, body.path("select"))).toList(), false);
			}
			case "event.bind" -> {
				String event = body.path("event").asString("").toUpperCase(java.util.Locale.ROOT);
				String handler = body.path("handler").asString("");
				require(!event.isEmpty() && !handler.isEmpty(), "", "Event and handler are required");
				if (withoutTaskScope && event.startsWith("ONTASK")) {
					answer(exchange, 401, error("insufficient_scope",
							"The request requires higher privileges than provided by the access token"));
					return;
				}
				require(bindings.stream().noneMatch(b -> b.path("event").asString().equals(event)
						&& b.path("handler").asString().equals(handler)), "", "Handler already binded");
				ObjectNode binding = json.createObjectNode();
				binding.put("id", String.valueOf(ids.incrementAndGet())).put("event", event).put("handler", handler)
					.put("auth_type", "0").put("offline", 0);
				bindings.add(binding);
				answer(exchange, 200, json.createObjectNode().put("result", true));
			}
			case "event.unbind" -> {
				String event = body.path("event").asString("").toUpperCase(java.util.Locale.ROOT);
				String handler = body.path("handler").asString("");
				List<ObjectNode> gone = bindings.stream()
					.filter(b -> (event.isEmpty() || b.path("event").asString().equals(event))
							&& (handler.isEmpty() || b.path("handler").asString().equals(handler)))
					.toList();
				bindings.removeAll(gone);
				ObjectNode answer = json.createObjectNode();
				answer.putObject("result").put("count", gone.size());
				answer(exchange, 200, answer);
			}
			case "event.get" -> {
				ObjectNode answer = json.createObjectNode();
				ArrayNode items = answer.putArray("result");
				bindings.forEach(items::add);
				answer(exchange, 200, answer);
			}
			case "app.info" -> {
				ObjectNode answer = json.createObjectNode();
				answer.putObject("result").put("ID", "7").put("CODE", CLIENT_ID).put("VERSION", 1).put("STATUS", "L")
					.put("INSTALLED", true).put("PAYMENT_EXPIRED", "N").putNull("DAYS").put("LICENSE", "ru_project");
				answer(exchange, 200, answer);
			}
			case "tasks.task.get" -> {
				long id = body.path("taskId").asLong(0);
				ObjectNode task = tasks.stream().filter(t -> t.path("id").asLong() == id).findFirst().orElse(null);
				require(task != null, "ERROR_CORE", "TASKS_ERROR_EXCEPTION_#256; Действие над задачей не разрешено; 256/TE/ACTION_NOT_ALLOWED");
				ObjectNode answer = json.createObjectNode();
				answer.putObject("result").set("task", task);
				answer(exchange, 200, answer);
			}
			case "crm.deal.get" -> {
				long id = body.path("id").asLong(body.path("ID").asLong(0));
				ObjectNode deal = deals.stream().filter(d -> d.path("ID").asLong() == id).findFirst().orElse(null);
				require(deal != null, "", "Not found");
				answer(exchange, 200, json.createObjectNode().set("result", deal));
			}
			default -> answer(exchange, 404, error("ERROR_METHOD_NOT_FOUND", "Method not found!"));
		}
	}

	// The portal's dates are its own zone's ISO 8601; a filter's date is compared as the instant it names.
	private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(java.time.ZoneId.of("Europe/Moscow"));

	private static String now() {
		return ISO.format(java.time.Instant.now());
	}

	private static boolean within(JsonNode date, JsonNode filter, String field) {
		if (!filter.has(">=" + field) && !filter.has("<=" + field)) {
			return true;
		}
		java.time.Instant at = java.time.OffsetDateTime.parse(date.asString()).toInstant();
		return (!filter.has(">=" + field) || !at.isBefore(instant(filter.path(">=" + field))))
				&& (!filter.has("<=" + field) || !at.isAfter(instant(filter.path("<=" + field))));
	}

	private static java.time.Instant instant(JsonNode date) {
		return java.time.OffsetDateTime.parse(date.asString()).toInstant();
	}

	private Predicate<ObjectNode> contactFilter(JsonNode filter) {
		return contact -> {
			if (filter.has("ID") && contact.path("ID").asLong() != filter.path("ID").asLong(-1)) {
				return false;
			}
			return !filter.has("@ID") || contains(filter.path("@ID"), contact.path("ID").asString());
		};
	}

	// Bitrix24 finds a phone by its normalised number, whatever way it was typed (8 (916)… or +7 916…).
	private void findByComm(HttpExchange exchange, JsonNode body) throws IOException {
		require(body.has("type"), "Communication type is not defined", "Parameter 'type' is required.");
		require(body.path("values").isArray() && !body.path("values").isEmpty(), "Communication values is not defined",
				"Parameter 'values' is required.");
		require(body.path("values").size() <= 20, "", "Too many values");
		List<String> wanted = new ArrayList<>();
		body.path("values").forEach(v -> wanted.add(normalised(v.asString(""))));
		List<Long> found = contacts.values().stream()
			.filter(c -> {
				for (JsonNode phone : c.path("PHONE")) {
					if (wanted.contains(normalised(phone.path("VALUE").asString("")))) {
						return true;
					}
				}
				return false;
			})
			.map(c -> c.path("ID").asLong()).sorted(Comparator.reverseOrder()).toList();
		ObjectNode answer = json.createObjectNode();
		if (found.isEmpty()) {
			answer.putArray("result");
		}
		else {
			ArrayNode ids = answer.putObject("result").putArray("CONTACT");
			found.forEach(ids::add);
		}
		answer(exchange, 200, answer);
	}

	private static String normalised(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.length() == 11 && digits.startsWith("8") ? "7" + digits.substring(1) : digits;
	}

	private void list(HttpExchange exchange, JsonNode body, List<? extends JsonNode> all, boolean tasksShape)
			throws IOException {
		int start = body.path("start").asInt(0);
		List<? extends JsonNode> page = all.stream().skip(start).limit(PAGE).toList();
		ObjectNode answer = json.createObjectNode();
		ArrayNode items = tasksShape ? answer.putObject("result").putArray("tasks") : answer.putArray("result");
		page.forEach(items::add);
		answer.put("total", all.size());
		if (start + PAGE < all.size()) {
			answer.put("next", start + PAGE);
		}
		answer.putObject("time").put("operating", 0);
		answer(exchange, 200, answer);
	}

	private ObjectNode select(ObjectNode item, JsonNode select) {
		if (!select.isArray() || select.isEmpty()) {
			return item;
		}
		ObjectNode selected = json.createObjectNode();
		select.forEach(field -> {
			if (item.has(field.asString())) {
				selected.set(field.asString(), item.get(field.asString()));
			}
		});
		return selected;
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (item.asString("").equals(value)) {
				return true;
			}
		}
		return false;
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

	private static void require(boolean ok, String code, String description) {
		if (!ok) {
			throw new Refusal(code, description);
		}
	}

	private ObjectNode error(String code, String description) {
		return json.createObjectNode().put("error", code).put("error_description", description);
	}

	private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static final class Refusal extends RuntimeException {

		private final String code;

		Refusal(String code, String description) {
			super(description);
			this.code = code;
		}
	}
}
