package ru.kredo.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.platform.Cursor;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.internal.TargetAddresses;
import ru.kredo.webhooks.internal.WebhookPayloads;
import ru.kredo.webhooks.internal.WebhookProperties;
import ru.kredo.webhooks.internal.WebhookSecrets;

/**
 * A tenant's webhook endpoints: add, list, change (address, description, event filter), switch on and off, rotate the
 * secret with an overlap window (sealed at rest: {@link WebhookSecrets}), delete.
 */
@Service
public class WebhookEndpoints {

	private static final int MAX_DESCRIPTION = 200;
	private static final String COLUMNS = """
			id, tenant_id, url, description, secret, secret_sealed, enabled, disabled_reason, disabled_at, failing_since,
			created_at, last_success_at, last_failure_at, failures_in_a_row, last_failure_status, last_failure_error,
			event_types, previous_secret_until""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TargetAddresses targets;
	private final WebhookSecrets secrets;
	private final Duration secretOverlap;
	private final SecureRandom random = new SecureRandom();

	WebhookEndpoints(JdbcClient jdbc, Clock clock, TargetAddresses targets, WebhookSecrets secrets,
			WebhookProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
		this.secrets = secrets;
		this.secretOverlap = properties.secretOverlap();
	}

	/** The event types an endpoint may choose ({@link WebhookEndpoint#eventTypes()}), in the documented order. */
	public static List<String> eventTypes() {
		return WebhookPayloads.EVENT_TYPES;
	}

	@Transactional
	public WebhookEndpoint add(TenantId tenant, String url, String description) {
		return add(tenant, url, description, null);
	}

	/** @param eventTypes the types it receives; {@code null} or empty: every type */
	@Transactional
	public WebhookEndpoint add(TenantId tenant, String url, String description, List<String> eventTypes) {
		// Every field at once, so that a form shows each wrong one next to it (InvalidFields: url, description…).
		InvalidFields.Collector fields = new InvalidFields.Collector();
		URI target = fields.read("url", () -> targets.check(url));
		String text = fields.read("description", () -> description(description));
		List<String> types = fields.read("eventTypes", () -> eventTypes(eventTypes));
		fields.throwIfAny();
		WebhookEndpointId id = new WebhookEndpointId(UUID.randomUUID());
		jdbc.sql("""
				insert into webhook_endpoints (id, tenant_id, url, description, secret_sealed, enabled, created_at,
				    event_types)
				values (?, ?, ?, ?, ?, true, ?, ?)""")
			.params(id.value(), tenant.value(), target.toString(), text, secrets.seal(WebhookSecret.generate(random)),
					Timestamp.from(clock.instant()), types.isEmpty() ? null : types.toArray(String[]::new))
			.update();
		return get(tenant, id);
	}

	/**
	 * What an update changes; a {@code null} field is left as it is. {@code eventTypes} empty means every type.
	 */
	public record Change(String url, String description, List<String> eventTypes, Boolean enabled) {
	}

	/** Changes the fields given, each checked as {@link #add} checks it; a wrong one changes nothing. */
	@Transactional
	public WebhookEndpoint update(TenantId tenant, WebhookEndpointId id, Change change) {
		WebhookEndpoint endpoint = get(tenant, id);
		InvalidFields.Collector fields = new InvalidFields.Collector();
		URI target = change.url() == null ? endpoint.url() : fields.read("url", () -> targets.check(change.url()));
		String text = change.description() == null ? endpoint.description()
				: fields.read("description", () -> description(change.description()));
		List<String> types = change.eventTypes() == null ? endpoint.eventTypes()
				: fields.read("eventTypes", () -> eventTypes(change.eventTypes()));
		fields.throwIfAny();
		jdbc.sql("update webhook_endpoints set url = ?, description = ?, event_types = ? where tenant_id = ? and id = ?")
			.params(target.toString(), text, types.isEmpty() ? null : types.toArray(String[]::new), tenant.value(),
					id.value())
			.update();
		if (change.enabled() != null && change.enabled() != endpoint.enabled()) {
			return setEnabled(tenant, id, change.enabled());
		}
		return get(tenant, id);
	}

	/**
	 * Removes the endpoint with its queued deliveries and its delivery log: nothing more is sent to it, and its id is
	 * not found any more. (The audit log keeps that it was deleted, and by whom.)
	 */
	@Transactional
	public void delete(TenantId tenant, WebhookEndpointId id) {
		get(tenant, id);
		jdbc.sql("""
				delete from webhook_attempts where tenant_id = ? and delivery_id in
				    (select d.id from webhook_deliveries d where d.tenant_id = ? and d.endpoint_id = ?)""")
			.params(tenant.value(), tenant.value(), id.value())
			.update();
		jdbc.sql("delete from webhook_deliveries where tenant_id = ? and endpoint_id = ?")
			.params(tenant.value(), id.value())
			.update();
		jdbc.sql("delete from webhook_endpoints where tenant_id = ? and id = ?").params(tenant.value(), id.value()).update();
	}

	/** The tenant's endpoints after {@code after} (oldest first; {@code null}: from the first), at most {@code limit}. */
	public List<WebhookEndpoint> page(TenantId tenant, Cursor after, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from webhook_endpoints where tenant_id = ? and (?::timestamptz is null or (created_at, id) > (?, ?))
				order by created_at, id limit ?""")
			.params(tenant.value(), after == null ? null : Timestamp.from(after.at()),
					after == null ? null : Timestamp.from(after.at()), after == null ? null : after.id(), limit)
			.query(this::endpoint)
			.list();
	}

	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from webhook_endpoints where tenant_id = ?")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	private static String description(String description) {
		String typed = description == null ? "" : description.strip();
		if (typed.length() > MAX_DESCRIPTION) {
			throw new Rejected("webhook.description-too-long", MAX_DESCRIPTION);
		}
		return typed;
	}

	/** The chosen types, each known, in the documented order and once; empty: every type. */
	private static List<String> eventTypes(List<String> chosen) {
		if (chosen == null) {
			return List.of();
		}
		for (String type : chosen) {
			if (type == null || !WebhookPayloads.EVENT_TYPES.contains(type)) {
				throw new Rejected("webhook.event-type-unknown", String.valueOf(type),
						String.join(", ", WebhookPayloads.EVENT_TYPES));
			}
		}
		return WebhookPayloads.EVENT_TYPES.stream().filter(chosen::contains).toList();
	}

	public List<WebhookEndpoint> all(TenantId tenant) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where tenant_id = ? order by created_at")
			.param(tenant.value())
			.query(this::endpoint)
			.list();
	}

	public WebhookEndpoint get(TenantId tenant, WebhookEndpointId id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(this::endpoint)
			.optional()
			.orElseThrow(() -> new NotFound("webhook.not-found", id));
	}

	/** Switching on forgives past failures: the disabling rule counts afresh from the next failed attempt. */
	@Transactional
	public WebhookEndpoint setEnabled(TenantId tenant, WebhookEndpointId id, boolean enabled) {
		get(tenant, id);
		if (enabled) {
			jdbc.sql("""
					update webhook_endpoints set enabled = true, disabled_reason = null, disabled_at = null,
					failing_since = null where tenant_id = ? and id = ?""")
				.params(tenant.value(), id.value())
				.update();
		}
		else {
			disable(tenant, id, DisabledReason.BY_ADMIN, clock.instant());
		}
		return get(tenant, id);
	}

	/**
	 * A new secret signs from now on; the one it replaces signs too, beside it, for {@code kredo.webhooks.secret-overlap}
	 * (24 hours by default), so the CRM can be given the new one without losing a message. Rotating again within the
	 * window keeps only the secret just replaced: the one before it stops at once.
	 */
	@Transactional
	public WebhookEndpoint rotateSecret(TenantId tenant, WebhookEndpointId id) {
		WebhookEndpoint endpoint = get(tenant, id);
		boolean overlap = secretOverlap.isPositive();
		jdbc.sql("""
				update webhook_endpoints set secret_sealed = ?, secret = null, previous_secret_sealed = ?,
				previous_secret_until = ? where tenant_id = ? and id = ?""")
			.params(secrets.seal(WebhookSecret.generate(random)), overlap ? secrets.seal(endpoint.secret()) : null,
					overlap ? Timestamp.from(clock.instant().plus(secretOverlap)) : null, tenant.value(), id.value())
			.update();
		return get(tenant, id);
	}

	/** Disables an enabled endpoint; {@code false} if it was already disabled. */
	public boolean disable(TenantId tenant, WebhookEndpointId id, DisabledReason reason, Instant now) {
		return jdbc.sql("""
				update webhook_endpoints set enabled = false, disabled_reason = ?, disabled_at = ?
				where tenant_id = ? and id = ? and enabled""")
			.params(reason.name(), Timestamp.from(now), tenant.value(), id.value())
			.update() == 1;
	}

	private WebhookEndpoint endpoint(ResultSet row, int rowNumber) throws SQLException {
		String reason = row.getString("disabled_reason");
		return new WebhookEndpoint(new WebhookEndpointId(row.getObject("id", UUID.class)),
				new TenantId(row.getObject("tenant_id", UUID.class)), URI.create(row.getString("url")),
				row.getString("description"), secrets.read(row), row.getBoolean("enabled"),
				reason == null ? null : DisabledReason.valueOf(reason), instant(row, "disabled_at"),
				instant(row, "failing_since"), instant(row, "created_at"),
				new EndpointHealth(instant(row, "last_success_at"), instant(row, "last_failure_at"),
						row.getInt("failures_in_a_row"), row.getObject("last_failure_status", Integer.class),
						row.getString("last_failure_error")),
				eventTypes(row.getArray("event_types")), instant(row, "previous_secret_until"));
	}

	private static List<String> eventTypes(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
