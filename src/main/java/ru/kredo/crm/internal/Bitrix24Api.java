package ru.kredo.crm.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.tenancy.TenantId;

/**
 * A tenant's Bitrix24 portal, with its tokens looked after: an access token past its hour is renewed before use, and
 * one Bitrix24 answers {@code expired_token} for anyway is renewed once and the call made again (Bitrix24's
 * recommended way; it asks not to renew "just in case"). A renewal holds the account's row locked, so two threads
 * never spend the same refresh token.
 */
@Component
public class Bitrix24Api {

	/** A contact in Bitrix24, and who is responsible for it ({@code ASSIGNED_BY_ID}). */
	public record B24Contact(long id, Long assignedById) {
	}

	/**
	 * A deal pipeline of the portal ({@code CATEGORY_ID}; 0 is the general one, whose {@code name} is null when the
	 * portal did not list it) and the stages a new deal may start in.
	 */
	public record Pipeline(long id, String name, List<Stage> stages) {
	}

	/** A deal stage: its {@code STATUS_ID} (NEW in the general pipeline, C3:NEW in pipeline 3) and name. */
	public record Stage(String id, String name) {
	}

	/** How many pipelines the page reads the stages of (a request each). */
	static final int MAX_PIPELINES = 20;

	/** How many pages (of 50) of a list are read before giving up. */
	static final int MAX_PAGES = 10;
	/** What a list method gives a page. */
	static final int LIST_PAGE = 50;
	/** Marks the deals Kredo creates ({@code ORIGINATOR_ID}); {@code ORIGIN_ID} is the signal and its fold. */
	static final String ORIGINATOR = "kredo";

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private final Bitrix24Client client;
	private final Bitrix24Accounts accounts;
	private final Bitrix24Properties properties;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Bitrix24Api(Bitrix24Client client, Bitrix24Accounts accounts, Bitrix24Properties properties,
			TransactionTemplate transaction, Clock clock) {
		this.client = client;
		this.accounts = accounts;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The contact of this Bitrix24 id ({@code crm.contact.list} filtered by {@code ID}); empty if there is none. */
	public Optional<B24Contact> contactById(TenantId tenant, String portal, long id) {
		ObjectNode parameters = client.parameters();
		parameters.putObject("filter").put("ID", id);
		parameters.putArray("select").add("ID").add("ASSIGNED_BY_ID");
		JsonNode first = call(tenant, portal, "crm.contact.list", parameters).path("result").path(0);
		return first.isMissingNode() ? Optional.empty() : Optional.of(contact(first));
	}

	/**
	 * The contact with this phone: {@code crm.duplicate.findbycomm} (Bitrix24's own normalised phone index, so
	 * «8 (916) 555-12-34» is found by +79165551234), then the lowest of the ids it gives, with its responsible user.
	 */
	public Optional<B24Contact> contactByPhone(TenantId tenant, String portal, String e164) {
		ObjectNode search = client.parameters();
		search.put("entity_type", "CONTACT").put("type", "PHONE").putArray("values").add(e164);
		JsonNode ids = call(tenant, portal, "crm.duplicate.findbycomm", search).path("result").path("CONTACT");
		if (!ids.isArray() || ids.isEmpty()) {
			return Optional.empty();
		}
		ObjectNode parameters = client.parameters();
		ArrayNode wanted = parameters.putObject("filter").putArray("@ID");
		ids.forEach(id -> wanted.add(id.asLong()));
		parameters.putObject("order").put("ID", "ASC");
		parameters.putArray("select").add("ID").add("ASSIGNED_BY_ID");
		JsonNode first = call(tenant, portal, "crm.contact.list", parameters).path("result").path(0);
		return first.isMissingNode() ? Optional.empty() : Optional.of(contact(first));
	}

	/** {@code tasks.task.add}: a task for the contact's responsible user, bound to the contact; the task's id. */
	public long createTask(TenantId tenant, String portal, B24Contact contact, String title, String description,
			Instant deadline) {
		ObjectNode parameters = client.parameters();
		ObjectNode fields = parameters.putObject("fields");
		fields.put("TITLE", title).put("DESCRIPTION", description).put("DEADLINE", DEADLINE.format(deadline));
		if (contact.assignedById() != null) {
			fields.put("RESPONSIBLE_ID", contact.assignedById());
		}
		fields.putArray("UF_CRM_TASK").add("C_" + contact.id());
		JsonNode task = call(tenant, portal, "tasks.task.add", parameters).path("result").path("task");
		return id(task.path("id"), "tasks.task.add");
	}

	/** {@code crm.timeline.comment.add}: a comment in the contact's timeline; the comment's id. */
	public long addComment(TenantId tenant, String portal, B24Contact contact, String text) {
		ObjectNode parameters = client.parameters();
		parameters.putObject("fields").put("ENTITY_ID", contact.id()).put("ENTITY_TYPE", "contact").put("COMMENT", text);
		return id(call(tenant, portal, "crm.timeline.comment.add", parameters).path("result"), "crm.timeline.comment.add");
	}

	/**
	 * {@code crm.deal.add}: a deal in the pipeline ({@code CATEGORY_ID}) and stage, with the contact, for its
	 * responsible user, marked {@code ORIGINATOR_ID} kredo and {@code ORIGIN_ID} {@code origin}; the deal's id.
	 */
	public long createDeal(TenantId tenant, String portal, B24Contact contact, String title, String comments,
			Long categoryId, String stageId, String origin) {
		ObjectNode parameters = client.parameters();
		ObjectNode fields = parameters.putObject("fields");
		fields.put("TITLE", title).put("COMMENTS", comments).put("ORIGINATOR_ID", ORIGINATOR).put("ORIGIN_ID", origin);
		if (categoryId != null) {
			fields.put("CATEGORY_ID", categoryId);
		}
		if (stageId != null) {
			fields.put("STAGE_ID", stageId);
		}
		if (contact.assignedById() != null) {
			fields.put("ASSIGNED_BY_ID", contact.assignedById());
		}
		fields.putArray("CONTACT_IDS").add(contact.id());
		return id(call(tenant, portal, "crm.deal.add", parameters).path("result"), "crm.deal.add");
	}

	/**
	 * What an earlier attempt may have created before Kredo could record it: the contact's task or timeline comment
	 * whose text carries {@code marker}, read page by page ({@code next}), or the deal of this {@code origin}.
	 */
	public Optional<Long> findCreated(TenantId tenant, String portal, Bitrix24Accounts.Action action, B24Contact contact,
			String marker, String origin) {
		ObjectNode parameters = client.parameters();
		return switch (action) {
			case TASK -> {
				parameters.putObject("filter").put("UF_CRM_TASK", "C_" + contact.id());
				parameters.putArray("select").add("ID").add("TITLE").add("DESCRIPTION");
				yield find(tenant, portal, "tasks.task.list", parameters, answer -> answer.path("result").path("tasks"),
						task -> task.path("description").asString("").contains(marker));
			}
			case COMMENT -> {
				parameters.putObject("filter").put("ENTITY_ID", contact.id()).put("ENTITY_TYPE", "contact");
				parameters.putObject("order").put("ID", "DESC");
				parameters.putArray("select").add("ID").add("COMMENT");
				yield find(tenant, portal, "crm.timeline.comment.list", parameters, answer -> answer.path("result"),
						comment -> comment.path("COMMENT").asString("").contains(marker));
			}
			case DEAL -> {
				parameters.putObject("filter").put("ORIGINATOR_ID", ORIGINATOR).put("ORIGIN_ID", origin);
				parameters.putArray("select").add("ID");
				yield find(tenant, portal, "crm.deal.list", parameters, answer -> answer.path("result"), deal -> true);
			}
		};
	}

	/**
	 * The portal's deal pipelines ({@code crm.category.list}, {@code entityTypeId} 2; the general one, id 0, first even
	 * when the portal does not list it) with their stages ({@code crm.status.list} filtered by {@code ENTITY_ID}
	 * {@code DEAL_STAGE} for the general pipeline, {@code DEAL_STAGE_<id>} for another, by {@code SORT}). The won and
	 * lost stages ({@code SEMANTICS} S and F) are left out: a new deal does not start there. Throws when the portal
	 * cannot be read.
	 */
	public List<Pipeline> dealPipelines(TenantId tenant, String portal) {
		ObjectNode parameters = client.parameters();
		parameters.put("entityTypeId", 2);
		JsonNode categories = call(tenant, portal, "crm.category.list", parameters).path("result").path("categories");
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		ids.add(0L);
		names.add(null);
		for (JsonNode category : categories) {
			long id = category.path("id").asLong(-1);
			if (id == 0) {
				names.set(0, category.path("name").asString(null));
			}
			else if (id > 0 && ids.size() < MAX_PIPELINES) {
				ids.add(id);
				names.add(category.path("name").asString(String.valueOf(id)));
			}
		}
		List<Pipeline> pipelines = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			ObjectNode query = client.parameters();
			query.putObject("order").put("SORT", "ASC");
			query.putObject("filter").put("ENTITY_ID", id == 0 ? "DEAL_STAGE" : "DEAL_STAGE_" + id);
			List<Stage> stages = new ArrayList<>();
			for (JsonNode status : call(tenant, portal, "crm.status.list", query).path("result")) {
				String semantics = status.path("SEMANTICS").asString("");
				String stage = status.path("STATUS_ID").asString("");
				if (!stage.isEmpty() && !semantics.equals("S") && !semantics.equals("F")) {
					stages.add(new Stage(stage, status.path("NAME").asString(stage)));
				}
			}
			pipelines.add(new Pipeline(id, names.get(i), List.copyOf(stages)));
		}
		return List.copyOf(pipelines);
	}

	/**
	 * {@code event.bind}: Bitrix24 is to POST this event to {@code handler} (an online event, with the authorisation of
	 * the user whose action raised it). Throws when the portal refuses.
	 */
	public void bind(TenantId tenant, String portal, String event, String handler) {
		ObjectNode parameters = client.parameters();
		parameters.put("event", event).put("handler", handler);
		call(tenant, portal, "event.bind", parameters);
	}

	/** {@code event.unbind}: the handler of this event at {@code handler} is removed; how many were. */
	public long unbind(TenantId tenant, String portal, String event, String handler) {
		ObjectNode parameters = client.parameters();
		parameters.put("event", event).put("handler", handler);
		return call(tenant, portal, "event.unbind", parameters).path("result").path("count").asLong(0);
	}

	/**
	 * Whether the portal vouches for {@code accessToken} (an event's {@code auth[access_token]}) as a token of the
	 * application {@code clientId}: {@code app.info} called with it answers that application's {@code CODE}. Any
	 * refusal (an unknown or expired token) is a no.
	 */
	public boolean isOurs(String portal, String accessToken, String clientId) {
		try {
			return clientId.equals(client.call(portal, accessToken, "app.info", client.parameters()).path("result")
				.path("CODE").asString(""));
		}
		catch (Bitrix24Exception ex) {
			return false;
		}
	}

	/** A task as Kredo reads it back: its {@code status} (5 completed, 4 supposedly completed, 2 pending…). */
	public record B24Task(long id, int status) {
	}

	/** A deal as Kredo reads it back: its stage and the stage's semantics (P in progress, S won, F lost). */
	public record B24Deal(long id, String stageId, String stageSemantics) {
	}

	/** {@code tasks.task.get}: the task's status; empty when Bitrix24 has no such task (deleted, or not visible). */
	public Optional<B24Task> task(TenantId tenant, String portal, long id) {
		ObjectNode parameters = client.parameters();
		parameters.put("taskId", id);
		parameters.putArray("select").add("ID").add("STATUS");
		try {
			JsonNode task = call(tenant, portal, "tasks.task.get", parameters).path("result").path("task");
			if (task.isMissingNode() || task.isNull() || !task.has("status")) {
				return Optional.empty();
			}
			return Optional.of(new B24Task(id, task.path("status").asInt(0)));
		}
		catch (Bitrix24Exception ex) {
			if (ex.status() == 400) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** {@code crm.deal.get}: the deal's stage and semantics; empty when Bitrix24 has no such deal. */
	public Optional<B24Deal> deal(TenantId tenant, String portal, long id) {
		ObjectNode parameters = client.parameters();
		parameters.put("id", id);
		try {
			JsonNode deal = call(tenant, portal, "crm.deal.get", parameters).path("result");
			if (!deal.isObject()) {
				return Optional.empty();
			}
			return Optional.of(new B24Deal(id, deal.path("STAGE_ID").asString(""),
					deal.path("STAGE_SEMANTIC_ID").asString("")));
		}
		catch (Bitrix24Exception ex) {
			if (ex.status() == 400) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * One page ({@code page} from 0, 50 a page) of the portal's tasks completed (status 5) and changed between
	 * {@code from} and {@code to} ({@code tasks.task.list} filtered by {@code STATUS} and {@code >=CHANGED_DATE},
	 * {@code <=CHANGED_DATE}, by id): the sweep's read of what an event may have missed. Every task the application's
	 * user sees is listed, not only Kredo's: the caller keeps its own.
	 */
	public CrmOutcomeSweeps.Page completedTasks(TenantId tenant, String portal, Instant from, Instant to, int page) {
		ObjectNode parameters = client.parameters();
		parameters.putObject("filter").put("STATUS", Bitrix24Outcomes.TASK_COMPLETED)
			.put(">=CHANGED_DATE", DEADLINE.format(from)).put("<=CHANGED_DATE", DEADLINE.format(to));
		parameters.putObject("order").put("ID", "asc");
		parameters.putArray("select").add("ID").add("STATUS").add("CHANGED_DATE");
		parameters.put("start", page * LIST_PAGE);
		JsonNode answer = call(tenant, portal, "tasks.task.list", parameters);
		return changed(answer, answer.path("result").path("tasks"),
				task -> task.path("status").asInt(0) == Bitrix24Outcomes.TASK_COMPLETED);
	}

	/**
	 * One page ({@code page} from 0, 50 a page) of the deals Kredo created ({@code ORIGINATOR_ID} kredo) changed
	 * between {@code from} and {@code to} ({@code crm.deal.list} filtered by {@code >=DATE_MODIFY},
	 * {@code <=DATE_MODIFY}, by id), keeping those in a won or lost stage ({@code STAGE_SEMANTIC_ID} S or F).
	 */
	public CrmOutcomeSweeps.Page closedDeals(TenantId tenant, String portal, Instant from, Instant to, int page) {
		ObjectNode parameters = client.parameters();
		parameters.putObject("filter").put("ORIGINATOR_ID", ORIGINATOR).put(">=DATE_MODIFY", DEADLINE.format(from))
			.put("<=DATE_MODIFY", DEADLINE.format(to));
		parameters.putObject("order").put("ID", "ASC");
		parameters.putArray("select").add("ID").add("STAGE_SEMANTIC_ID").add("DATE_MODIFY");
		parameters.put("start", page * LIST_PAGE);
		JsonNode answer = call(tenant, portal, "crm.deal.list", parameters);
		return changed(answer, answer.path("result"), deal -> {
			String semantics = deal.path("STAGE_SEMANTIC_ID").asString("");
			return semantics.equals("S") || semantics.equals("F");
		});
	}

	// A list answers next (the following page's start) while more are left.
	private static CrmOutcomeSweeps.Page changed(JsonNode answer, JsonNode items, Predicate<JsonNode> closed) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : items) {
			if (closed.test(item)) {
				ids.add((item.has("ID") ? item.path("ID") : item.path("id")).asLong());
			}
		}
		return new CrmOutcomeSweeps.Page(List.copyOf(ids), answer.hasNonNull("next"));
	}

	// A list method page by page: the same call with start = the answer's next, until there is none.
	private Optional<Long> find(TenantId tenant, String portal, String method, ObjectNode parameters,
			Function<JsonNode, JsonNode> items, Predicate<JsonNode> wanted) {
		for (int pages = 1; pages <= MAX_PAGES; pages++) {
			JsonNode answer = call(tenant, portal, method, parameters);
			for (JsonNode item : items.apply(answer)) {
				if (wanted.test(item)) {
					JsonNode id = item.has("ID") ? item.path("ID") : item.path("id");
					return Optional.of(id.asLong());
				}
			}
			if (!answer.hasNonNull("next")) {
				return Optional.empty();
			}
			parameters.put("start", answer.path("next").asLong());
		}
		return Optional.empty();
	}

	/** Calls a method with a fresh access token; on {@code expired_token} renews it once and calls again. */
	JsonNode call(TenantId tenant, String portal, String method, ObjectNode parameters) {
		Bitrix24Accounts.Secrets secrets = accounts.secrets(tenant);
		if (secrets.refreshToken() == null) {
			throw new Bitrix24Exception(401, "not_connected", "Bitrix24 is not connected");
		}
		String token = secrets.accessToken();
		if (secrets.accessExpiresAt() == null
				|| !secrets.accessExpiresAt().isAfter(clock.instant().plus(properties.refreshBefore()))) {
			token = refresh(tenant, portal, token);
		}
		try {
			return client.call(portal, token, method, parameters);
		}
		catch (Bitrix24Exception ex) {
			if (!ex.tokenExpired()) {
				throw ex;
			}
			return client.call(portal, refresh(tenant, portal, token), method, parameters);
		}
	}

	/**
	 * A new access token, unless another thread already replaced {@code stale} meanwhile (then its token). A renewal
	 * the authorisation server refuses ({@code invalid_grant}: the refresh token's 180 days are over, or the
	 * application was removed) throws: the delivery is retried and logged until the admin connects again.
	 */
	String refresh(TenantId tenant, String portal, String stale) {
		return transaction.execute(status -> {
			Bitrix24Accounts.Secrets locked = accounts.secretsForUpdate(tenant);
			Instant now = clock.instant();
			if (locked.accessToken() != null && !locked.accessToken().equals(stale) && locked.accessExpiresAt() != null
					&& locked.accessExpiresAt().isAfter(now.plus(properties.refreshBefore()))) {
				return locked.accessToken();
			}
			if (locked.refreshToken() == null) {
				throw new Bitrix24Exception(401, "not_connected", "Bitrix24 is not connected");
			}
			String clientId = accounts.find(tenant).orElseThrow().clientId();
			Bitrix24Client.Tokens tokens = client.refresh(portal, clientId, locked.clientSecret(), locked.refreshToken(),
					now);
			accounts.storeTokens(tenant, tokens, now);
			return tokens.accessToken();
		});
	}

	private static long id(JsonNode id, String method) {
		if (id.isMissingNode() || id.isNull() || id.asLong(0) <= 0) {
			throw new Bitrix24Exception(200, "", "Bitrix24 answered no id to " + method);
		}
		return id.asLong();
	}

	private static B24Contact contact(JsonNode contact) {
		long assigned = contact.path("ASSIGNED_BY_ID").asLong(0);
		return new B24Contact(contact.path("ID").asLong(), assigned > 0 ? assigned : null);
	}
}
