package ru.kredo.webhooks.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.WebhookAttempt;
import ru.kredo.webhooks.WebhookEndpointId;

/**
 * The dispatcher's side of the deliveries table. {@link #claim} is the one query across tenants: it hands out due
 * deliveries of enabled endpoints, each row naming its tenant, and leases them so that another Kredo instance skips
 * them while they are being sent; a lease that runs out (a crash mid-send) makes the delivery due again.
 */
@Component
class DeliveryQueue {

	private final JdbcClient jdbc;
	private final WebhookSecrets secrets;
	/** Longer than one attempt can take (connect plus read timeout): {@code kredo.webhooks.lease}. */
	private final Duration lease;

	DeliveryQueue(JdbcClient jdbc, WebhookSecrets secrets, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.lease = properties.lease();
	}

	@Transactional
	public List<DueDelivery> claim(Instant now, int limit) {
		List<DueDelivery> due = jdbc.sql("""
				select d.id, d.tenant_id, d.endpoint_id, e.url, e.secret, e.secret_sealed,
				    case when e.previous_secret_until > ? then e.previous_secret_sealed end as previous_secret_sealed,
				    d.message_id, d.payload, d.round_attempts
				from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id and e.tenant_id = d.tenant_id
				where d.status = 'PENDING' and d.next_attempt_at <= ? and e.enabled
				order by d.next_attempt_at limit ? for update of d skip locked""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query((row, n) -> new DueDelivery(row.getObject("id", UUID.class),
					new TenantId(row.getObject("tenant_id", UUID.class)),
					new WebhookEndpointId(row.getObject("endpoint_id", UUID.class)), row.getString("url"),
					secrets.read(row), secrets.readPrevious(row), row.getString("message_id"), row.getString("payload"),
					row.getInt("round_attempts")))
			.list();
		due.forEach(d -> jdbc.sql("update webhook_deliveries set next_attempt_at = ? where id = ?")
			.params(Timestamp.from(now.plus(lease)), d.id())
			.update());
		return due;
	}

	/**
	 * Records an attempt and moves the delivery on: delivered, due again per the schedule, or failed for good. Returns
	 * when the endpoint's current run of failures began, or empty after a success.
	 */
	@Transactional
	public Optional<Instant> record(DueDelivery delivery, WebhookAttempt attempt) {
		jdbc.sql("""
				insert into webhook_attempts (tenant_id, delivery_id, attempted_at, status_code, error, duration_ms,
				    response_snippet) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(delivery.tenantId().value(), delivery.id(), Timestamp.from(attempt.attemptedAt()),
					attempt.statusCode(), attempt.error(), attempt.durationMillis(), attempt.responseSnippet())
			.update();
		int attempts = delivery.roundAttempts() + 1;
		if (attempt.succeeded()) {
			update(delivery, "DELIVERED", attempts, null, attempt.attemptedAt());
			jdbc.sql("""
					update webhook_endpoints set failing_since = null, failures_in_a_row = 0,
					    last_success_at = greatest(last_success_at, ?) where tenant_id = ? and id = ?""")
				.params(Timestamp.from(attempt.attemptedAt()), delivery.tenantId().value(), delivery.endpointId().value())
				.update();
			return Optional.empty();
		}
		Optional<Instant> next = RetrySchedule.nextAttempt(attempts, attempt.attemptedAt());
		update(delivery, next.isPresent() ? "PENDING" : "FAILED", attempts, next.orElse(null), null);
		return Optional.of(jdbc.sql("""
				update webhook_endpoints set failing_since = coalesce(failing_since, ?), failures_in_a_row = failures_in_a_row + 1,
				    last_failure_at = ?, last_failure_status = ?, last_failure_error = ?
				where tenant_id = ? and id = ?
				returning failing_since""")
			.params(Timestamp.from(attempt.attemptedAt()), Timestamp.from(attempt.attemptedAt()), attempt.statusCode(),
					attempt.error(), delivery.tenantId().value(), delivery.endpointId().value())
			.query(Timestamp.class)
			.single()
			.toInstant());
	}

	private void update(DueDelivery delivery, String status, int attempts, Instant next, Instant deliveredAt) {
		jdbc.sql("""
				update webhook_deliveries set status = ?, round_attempts = ?, next_attempt_at = ?, delivered_at = ?
				where tenant_id = ? and id = ?""")
			.params(status, attempts, next == null ? null : Timestamp.from(next),
					deliveredAt == null ? null : Timestamp.from(deliveredAt), delivery.tenantId().value(), delivery.id())
			.update();
	}
}
