package ru.kredo.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.internal.TargetAddresses;
import ru.kredo.webhooks.internal.WebhookSecrets;

/** A tenant's webhook endpoints: add, list, switch on and off, rotate the secret (sealed at rest: {@link WebhookSecrets}). */
@Service
public class WebhookEndpoints {

	private static final int MAX_DESCRIPTION = 200;
	private static final String COLUMNS = """
			id, tenant_id, url, description, secret, secret_sealed, enabled, disabled_reason, disabled_at, failing_since,
			created_at, last_success_at, last_failure_at, failures_in_a_row, last_failure_status, last_failure_error""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TargetAddresses targets;
	private final WebhookSecrets secrets;
	private final SecureRandom random = new SecureRandom();

	WebhookEndpoints(JdbcClient jdbc, Clock clock, TargetAddresses targets, WebhookSecrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
		this.secrets = secrets;
	}

	@Transactional
	public WebhookEndpoint add(TenantId tenant, String url, String description) {
		// Both fields at once, so that a form shows each wrong one next to it (InvalidFields: url, description).
		InvalidFields.Collector fields = new InvalidFields.Collector();
		URI target = fields.read("url", () -> targets.check(url));
		String text = fields.read("description", () -> {
			String typed = description == null ? "" : description.strip();
			if (typed.length() > MAX_DESCRIPTION) {
				throw new Rejected("webhook.description-too-long", MAX_DESCRIPTION);
			}
			return typed;
		});
		fields.throwIfAny();
		WebhookEndpointId id = new WebhookEndpointId(UUID.randomUUID());
		jdbc.sql("""
				insert into webhook_endpoints (id, tenant_id, url, description, secret_sealed, enabled, created_at)
				values (?, ?, ?, ?, ?, true, ?)""")
			.params(id.value(), tenant.value(), target.toString(), text, secrets.seal(WebhookSecret.generate(random)),
					Timestamp.from(clock.instant()))
			.update();
		return get(tenant, id);
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

	/** The old secret stops working at once; the CRM must be given the new one. */
	@Transactional
	public WebhookEndpoint rotateSecret(TenantId tenant, WebhookEndpointId id) {
		get(tenant, id);
		jdbc.sql("update webhook_endpoints set secret_sealed = ?, secret = null where tenant_id = ? and id = ?")
			.params(secrets.seal(WebhookSecret.generate(random)), tenant.value(), id.value())
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
						row.getString("last_failure_error")));
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
