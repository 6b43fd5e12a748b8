package ru.kredo.crm.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.kredo.tenancy.TenantId;

/**
 * A tenant's amoCRM, with its tokens looked after: the access token is refreshed {@code refresh-before} its expiry,
 * and once more when amoCRM answers 401 anyway (revoked, or the clocks disagree); a second 401 is the caller's. A
 * refresh holds the account's row locked, so two threads never spend the same refresh token (amoCRM rotates it).
 */
@Component
public class AmoCrmApi {

	/** A contact in amoCRM, and who is responsible for it. */
	public record AmoContact(long id, Long responsibleUserId) {
	}

	/** A pipeline of the account's leads and the statuses a lead can be created in. */
	public record Pipeline(long id, String name, List<Status> statuses) {
	}

	/** A status of a pipeline. */
	public record Status(long id, String name) {
	}

	/** A task as amoCRM has it now: whether it is completed, and the result the manager wrote. */
	public record AmoTask(long id, boolean completed, String result) {
	}

	/** A lead as amoCRM has it now: its status (142 won, 143 lost in every pipeline). */
	public record AmoLead(long id, long statusId) {
	}

	/** The statuses every pipeline has: a lead won, a lead lost. */
	public static final long WON = 142;
	public static final long LOST = 143;

	static final int PAGE = 50;
	/** How many pages of a phone search are read before giving up: a phone is matched in the first few. */
	static final int MAX_PAGES = 10;
	/** The most amoCRM's task and lead lists give a page. */
	static final int SWEEP_PAGE = 250;

	private final AmoCrmClient client;
	private final AmoCrmAccounts accounts;
	private final AmoCrmProperties properties;
	private final TransactionTemplate transaction;
	private final JsonMapper json;
	private final Clock clock;

	AmoCrmApi(AmoCrmClient client, AmoCrmAccounts accounts, AmoCrmProperties properties, TransactionTemplate transaction,
			JsonMapper json, Clock clock) {
		this.client = client;
		this.accounts = accounts;
		this.properties = properties;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/** The contact of this amoCRM id; empty if amoCRM has none (204 or 404). */
	public Optional<AmoContact> contactById(TenantId tenant, String subdomain, long id) {
		JsonNode contact = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/contacts/" + id));
		return contact == null || contact.path("id").isMissingNode() ? Optional.empty() : Optional.of(contact(contact));
	}

	/**
	 * The first contact with this phone: amoCRM's {@code query=} search, page by page ({@code _links.next}), keeping
	 * only a contact one of whose PHONE values has the same last ten digits (the search also matches names and parts).
	 */
	public Optional<AmoContact> contactByPhone(TenantId tenant, String subdomain, String phoneDigits) {
		String wanted = lastTen(phoneDigits);
		JsonNode page = call(tenant, subdomain, token -> client.get(subdomain, token,
				"/api/v4/contacts?limit=" + PAGE + "&query=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8)));
		for (int pages = 1; page != null; pages++) {
			for (JsonNode contact : page.path("_embedded").path("contacts")) {
				if (hasPhone(contact, wanted)) {
					return Optional.of(contact(contact));
				}
			}
			String next = page.path("_links").path("next").path("href").asString("");
			if (next.isEmpty() || pages >= MAX_PAGES) {
				return Optional.empty();
			}
			page = call(tenant, subdomain, token -> client.follow(subdomain, token, next));
		}
		return Optional.empty();
	}

	/** Creates a task on the contact for its responsible user; the task's id. */
	public long createTask(TenantId tenant, String subdomain, AmoContact contact, String text, Instant completeTill) {
		ObjectNode task = json.createObjectNode();
		task.put("text", text).put("complete_till", completeTill.getEpochSecond()).put("entity_id", contact.id())
			.put("entity_type", "contacts").put("task_type_id", 1);
		if (contact.responsibleUserId() != null) {
			task.put("responsible_user_id", contact.responsibleUserId());
		}
		JsonNode answer = call(tenant, subdomain, token -> client.post(subdomain, token, "/api/v4/tasks", array(task)));
		return firstId(answer, "tasks");
	}

	/** Adds a common note to the contact; the note's id. */
	public long createNote(TenantId tenant, String subdomain, AmoContact contact, String text) {
		ObjectNode note = json.createObjectNode();
		note.put("note_type", "common").putObject("params").put("text", text);
		JsonNode answer = call(tenant, subdomain, token -> client.post(subdomain, token,
				"/api/v4/contacts/" + contact.id() + "/notes", array(note)));
		return firstId(answer, "notes");
	}

	/** Creates a lead in the pipeline and status, linked to the contact; the lead's id. */
	public long createLead(TenantId tenant, String subdomain, AmoContact contact, String name, Long pipelineId,
			Long statusId) {
		ObjectNode lead = json.createObjectNode();
		lead.put("name", name);
		if (pipelineId != null) {
			lead.put("pipeline_id", pipelineId);
		}
		if (statusId != null) {
			lead.put("status_id", statusId);
		}
		if (contact.responsibleUserId() != null) {
			lead.put("responsible_user_id", contact.responsibleUserId());
		}
		lead.putObject("_embedded").putArray("contacts").addObject().put("id", contact.id());
		JsonNode answer = call(tenant, subdomain, token -> client.post(subdomain, token, "/api/v4/leads", array(lead)));
		return firstId(answer, "leads");
	}

	/**
	 * The entity an earlier attempt may have created before Kredo could record it: the task, note or lead on the
	 * contact whose text carries {@code marker}.
	 */
	public Optional<Long> findCreated(TenantId tenant, String subdomain, AmoCrmAccounts.Action action, AmoContact contact,
			String marker) {
		String path = switch (action) {
			case TASK -> "/api/v4/tasks?limit=250&filter%5Bentity_type%5D=contacts&filter%5Bentity_id%5D=" + contact.id();
			case NOTE -> "/api/v4/contacts/" + contact.id() + "/notes?limit=250";
			case LEAD -> "/api/v4/leads?limit=250&query=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
		};
		String embedded = switch (action) {
			case TASK -> "tasks";
			case NOTE -> "notes";
			case LEAD -> "leads";
		};
		JsonNode page = call(tenant, subdomain, token -> client.get(subdomain, token, path));
		for (int pages = 1; page != null; pages++) {
			for (JsonNode entity : page.path("_embedded").path(embedded)) {
				String text = switch (action) {
					case TASK -> entity.path("text").asString("");
					case NOTE -> entity.path("params").path("text").asString("");
					case LEAD -> entity.path("name").asString("");
				};
				if (text.contains(marker)) {
					return Optional.of(entity.path("id").asLong());
				}
			}
			String next = page.path("_links").path("next").path("href").asString("");
			if (next.isEmpty() || pages >= MAX_PAGES) {
				return Optional.empty();
			}
			page = call(tenant, subdomain, token -> client.follow(subdomain, token, next));
		}
		return Optional.empty();
	}

	/**
	 * The account's lead pipelines and, for each, the statuses a new lead may be put in ({@code GET
	 * /api/v4/leads/pipelines}): the «unsorted» one (type 1, where only incoming requests land) and won/lost are left
	 * out, and so are archived pipelines.
	 */
	public List<Pipeline> pipelines(TenantId tenant, String subdomain) {
		JsonNode answer = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/leads/pipelines"));
		List<Pipeline> pipelines = new ArrayList<>();
		if (answer == null) {
			return pipelines;
		}
		for (JsonNode pipeline : answer.path("_embedded").path("pipelines")) {
			if (pipeline.path("is_archive").asBoolean(false)) {
				continue;
			}
			List<Status> statuses = new ArrayList<>();
			for (JsonNode status : pipeline.path("_embedded").path("statuses")) {
				long id = status.path("id").asLong();
				if (status.path("type").asInt(0) == 0 && id != WON && id != LOST) {
					statuses.add(new Status(id, status.path("name").asString("")));
				}
			}
			pipelines.add(new Pipeline(pipeline.path("id").asLong(), pipeline.path("name").asString(""), List.copyOf(statuses)));
		}
		return List.copyOf(pipelines);
	}

	/** The task of this id ({@code GET /api/v4/tasks/{id}}); empty if amoCRM has none. */
	public Optional<AmoTask> task(TenantId tenant, String subdomain, long id) {
		JsonNode task = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/tasks/" + id));
		if (task == null || task.path("id").isMissingNode()) {
			return Optional.empty();
		}
		String result = task.path("result").path("text").asString("");
		return Optional.of(new AmoTask(task.path("id").asLong(), task.path("is_completed").asBoolean(false),
				result.isBlank() ? null : result.strip()));
	}

	/** The lead of this id ({@code GET /api/v4/leads/{id}}); empty if amoCRM has none. */
	public Optional<AmoLead> lead(TenantId tenant, String subdomain, long id) {
		JsonNode lead = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/leads/" + id));
		if (lead == null || lead.path("id").isMissingNode()) {
			return Optional.empty();
		}
		return Optional.of(new AmoLead(lead.path("id").asLong(), lead.path("status_id").asLong()));
	}

	/**
	 * One page ({@code page} from 0) of the tasks on contacts completed — or changed once completed — between
	 * {@code from} and {@code to} ({@code GET /api/v4/tasks} with {@code filter[is_completed]=1},
	 * {@code filter[entity_type]=contacts} and {@code filter[updated_at][from|to]}, 250 a page): the sweep's read of
	 * what a push may have missed. Every task of the account is listed, not only Kredo's: the caller keeps its own.
	 */
	public CrmOutcomeSweeps.Page completedTasks(TenantId tenant, String subdomain, Instant from, Instant to, int page) {
		JsonNode answer = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/tasks?limit=" + SWEEP_PAGE
				+ "&page=" + (page + 1) + "&filter%5Bis_completed%5D=1&filter%5Bentity_type%5D=contacts"
				+ updatedBetween(from, to)));
		return changed(answer, "tasks", task -> task.path("is_completed").asBoolean(false));
	}

	/**
	 * One page ({@code page} from 0) of the leads changed between {@code from} and {@code to} ({@code GET
	 * /api/v4/leads} with {@code filter[updated_at][from|to]}, 250 a page), keeping those now won (142) or lost (143).
	 */
	public CrmOutcomeSweeps.Page closedLeads(TenantId tenant, String subdomain, Instant from, Instant to, int page) {
		JsonNode answer = call(tenant, subdomain, token -> client.get(subdomain, token, "/api/v4/leads?limit=" + SWEEP_PAGE
				+ "&page=" + (page + 1) + updatedBetween(from, to)));
		return changed(answer, "leads", lead -> lead.path("status_id").asLong() == WON
				|| lead.path("status_id").asLong() == LOST);
	}

	private static String updatedBetween(Instant from, Instant to) {
		return "&filter%5Bupdated_at%5D%5Bfrom%5D=" + from.getEpochSecond() + "&filter%5Bupdated_at%5D%5Bto%5D="
				+ to.getEpochSecond();
	}

	// amoCRM answers 204 (no body) past the last page, and names the next page in _links.next while there is one.
	private static CrmOutcomeSweeps.Page changed(JsonNode answer, String embedded,
			java.util.function.Predicate<JsonNode> closed) {
		if (answer == null) {
			return new CrmOutcomeSweeps.Page(List.of(), false);
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode entity : answer.path("_embedded").path(embedded)) {
			if (closed.test(entity)) {
				ids.add(entity.path("id").asLong());
			}
		}
		return new CrmOutcomeSweeps.Page(List.copyOf(ids), !answer.path("_links").path("next").path("href")
			.asString("").isEmpty());
	}

	/**
	 * Subscribes a webhook at {@code destination} for these actions ({@code POST /api/v4/webhooks}, the account's
	 * administrator's right); the webhook's id.
	 */
	public long subscribe(TenantId tenant, String subdomain, String destination, List<String> settings) {
		ObjectNode hook = json.createObjectNode();
		hook.put("destination", destination);
		ArrayNode actions = hook.putArray("settings");
		settings.forEach(actions::add);
		JsonNode answer = call(tenant, subdomain, token -> client.post(subdomain, token, "/api/v4/webhooks", hook));
		if (answer.path("id").isMissingNode()) {
			throw new AmoCrmException(200, "amoCRM answered no webhook", null);
		}
		return answer.path("id").asLong();
	}

	/** Unsubscribes the webhook at {@code destination} ({@code DELETE /api/v4/webhooks}). */
	public void unsubscribe(TenantId tenant, String subdomain, String destination) {
		ObjectNode hook = json.createObjectNode();
		hook.put("destination", destination);
		call(tenant, subdomain, token -> {
			client.delete(subdomain, token, "/api/v4/webhooks", hook);
			return null;
		});
	}

	/** Runs a request with a fresh access token; on a 401 refreshes once and runs it again. */
	<T> T call(TenantId tenant, String subdomain, Function<String, T> request) {
		AmoCrmAccounts.Secrets secrets = accounts.secrets(tenant);
		if (secrets.refreshToken() == null) {
			throw new AmoCrmException(401, "amoCRM is not connected", null);
		}
		String token = secrets.accessToken();
		if (secrets.accessExpiresAt() == null
				|| !secrets.accessExpiresAt().isAfter(clock.instant().plus(properties.refreshBefore()))) {
			token = refresh(tenant, subdomain, token);
		}
		try {
			return request.apply(token);
		}
		catch (AmoCrmException ex) {
			if (!ex.unauthorized()) {
				throw ex;
			}
			return request.apply(refresh(tenant, subdomain, token));
		}
	}

	/**
	 * A new access token, unless another thread already replaced {@code stale} meanwhile (then its token). A refresh
	 * amoCRM refuses (the refresh token expired or was revoked) throws its {@link AmoCrmException}: the delivery is
	 * retried and logged with amoCRM's answer until the admin connects again.
	 */
	String refresh(TenantId tenant, String subdomain, String stale) {
		return transaction.execute(status -> {
			AmoCrmAccounts.Secrets locked = accounts.secretsForUpdate(tenant);
			Instant now = clock.instant();
			if (locked.accessToken() != null && !locked.accessToken().equals(stale) && locked.accessExpiresAt() != null
					&& locked.accessExpiresAt().isAfter(now.plus(properties.refreshBefore()))) {
				return locked.accessToken();
			}
			if (locked.refreshToken() == null) {
				throw new AmoCrmException(401, "amoCRM is not connected", null);
			}
			String clientId = accounts.find(tenant).orElseThrow().clientId();
			AmoCrmClient.Tokens tokens = client.refresh(subdomain, clientId, locked.clientSecret(), locked.redirectUri(),
					locked.refreshToken(), now);
			accounts.storeTokens(tenant, tokens, now);
			return tokens.accessToken();
		});
	}

	private ArrayNode array(ObjectNode one) {
		ArrayNode array = json.createArrayNode();
		array.add(one);
		return array;
	}

	private static long firstId(JsonNode answer, String embedded) {
		JsonNode first = answer.path("_embedded").path(embedded).path(0);
		if (first.path("id").isMissingNode()) {
			throw new AmoCrmException(200, "amoCRM answered no " + embedded, null);
		}
		return first.path("id").asLong();
	}

	private static AmoContact contact(JsonNode contact) {
		JsonNode responsible = contact.path("responsible_user_id");
		return new AmoContact(contact.path("id").asLong(),
				responsible.isMissingNode() || responsible.isNull() ? null : responsible.asLong());
	}

	private static boolean hasPhone(JsonNode contact, String lastTen) {
		for (JsonNode field : contact.path("custom_fields_values")) {
			if ("PHONE".equals(field.path("field_code").asString(""))) {
				for (JsonNode value : field.path("values")) {
					if (lastTen(value.path("value").asString("")).equals(lastTen)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static String lastTen(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
	}

}
