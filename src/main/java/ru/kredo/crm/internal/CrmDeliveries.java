package ru.kredo.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.signals.SignalRaised;
import ru.kredo.tenancy.TenantId;

/**
 * The queue of signals to carry into a CRM, and its log: one queue for every connector, each row for one {@link Crm}
 * (the methods without a {@code Crm} are amoCRM's). {@link #claim} leases due rows (another instance skips them; a
 * lease that runs out — a crash — makes them due again), as the webhook queue does.
 */
@Component
public class CrmDeliveries {

	/** Longer than one delivery can take: a few requests, each with its time-out, and a token refresh. */
	static final Duration LEASE = Duration.ofMinutes(3);

	/**
	 * A row of the queue, as the worker and the page's log read it. {@code amoContactId} and {@code amoEntityId} are
	 * the contact's and the created entity's id in the row's CRM, whichever it is.
	 */
	public record Delivery(UUID id, TenantId tenantId, UUID signalId, int signalCount, UUID contactId, String externalId,
			String title, int priority, String status, int attempts, Instant nextAttemptAt, Instant sentAt,
			String action, Long amoContactId, Long amoEntityId, Integer lastStatus, String lastError, Instant createdAt,
			Instant finishedAt) {

		/** The mark Kredo writes into what it creates, to find it again after a crash: the signal and its fold. */
		public String marker() {
			return "[Kredo " + signalId + "#" + signalCount + "]";
		}
	}

	private final JdbcClient jdbc;

	CrmDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tenants among these with a connected amoCRM. */
	public List<TenantId> connected(List<TenantId> tenants) {
		return jdbc.sql("select tenant_id from crm_amocrm_accounts where refresh_token_sealed is not null and tenant_id = any(?)")
			.param(tenants.stream().map(TenantId::value).distinct().toArray(UUID[]::new))
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.list();
	}

	/** Queues a signal for amoCRM once per fold: the same signal and count again is a no-op. */
	public void enqueue(SignalRaised signal, Instant now) {
		enqueue(Crm.AMOCRM, signal, now);
	}

	/** Queues a signal for the CRM once per fold: the same signal and count again is a no-op. */
	public void enqueue(Crm crm, SignalRaised signal, Instant now) {
		jdbc.sql("""
				insert into crm_amocrm_deliveries (id, tenant_id, crm, signal_id, signal_count, contact_id, external_id,
				    title, priority, status, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
				on conflict (tenant_id, crm, signal_id, signal_count) do nothing""")
			.params(UUID.randomUUID(), signal.tenantId().value(), crm.name(), signal.signalId(), signal.count(),
					signal.contactId(), signal.externalId(), signal.title(), signal.priority(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	// Transactional itself: the call below does not pass the proxy, and the lease must be taken under the row locks.
	@Transactional
	public List<Delivery> claim(Instant now, int limit) {
		return claim(Crm.AMOCRM, now, limit);
	}

	/** Leases up to {@code limit} of the CRM's rows due at {@code now}. */
	@Transactional
	public List<Delivery> claim(Crm crm, Instant now, int limit) {
		List<Delivery> due = jdbc.sql("""
				select * from crm_amocrm_deliveries where crm = ? and status = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at limit ? for update skip locked""")
			.params(crm.name(), Timestamp.from(now), limit)
			.query((row, n) -> delivery(row))
			.list();
		due.forEach(d -> jdbc.sql("update crm_amocrm_deliveries set next_attempt_at = ? where id = ?")
			.params(Timestamp.from(now.plus(LEASE)), d.id())
			.update());
		return due;
	}

	/** Marks, committed before the create request goes out, that an entity may exist from now on. */
	public void sending(Delivery delivery, String action, long amoContactId, Instant now) {
		jdbc.sql("""
				update crm_amocrm_deliveries set sent_at = coalesce(sent_at, ?), action = ?, amo_contact_id = ?
				where tenant_id = ? and id = ?""")
			.params(Timestamp.from(now), action, amoContactId, delivery.tenantId().value(), delivery.id())
			.update();
	}

	public void done(Delivery delivery, String action, long amoContactId, long amoEntityId, Instant now) {
		jdbc.sql("""
				update crm_amocrm_deliveries set status = 'DONE', action = ?, amo_contact_id = ?, amo_entity_id = ?,
				    attempts = attempts + 1, next_attempt_at = null, finished_at = ?, last_status = null, last_error = null
				where tenant_id = ? and id = ?""")
			.params(action, amoContactId, amoEntityId, Timestamp.from(now), delivery.tenantId().value(), delivery.id())
			.update();
	}

	public void notFound(Delivery delivery, Instant now) {
		jdbc.sql("""
				update crm_amocrm_deliveries set status = 'NOT_FOUND', attempts = attempts + 1, next_attempt_at = null,
				    finished_at = ? where tenant_id = ? and id = ?""")
			.params(Timestamp.from(now), delivery.tenantId().value(), delivery.id())
			.update();
	}

	/** A failed attempt: due again at {@code next}, or failed for good when {@code next} is {@code null}. */
	public void failed(Delivery delivery, int status, String error, Instant next, boolean counts, Instant now) {
		jdbc.sql("""
				update crm_amocrm_deliveries set status = ?, attempts = attempts + ?, next_attempt_at = ?,
				    last_status = ?, last_error = ?, finished_at = ? where tenant_id = ? and id = ?""")
			.params(next == null ? "FAILED" : "PENDING", counts ? 1 : 0, next == null ? null : Timestamp.from(next),
					status == 0 ? null : status, error.length() > 500 ? error.substring(0, 500) : error,
					next == null ? Timestamp.from(now) : null, delivery.tenantId().value(), delivery.id())
			.update();
	}

	/** The amoCRM page's log: the latest deliveries of the tenant. */
	public List<Delivery> latest(TenantId tenant, int limit) {
		return latest(Crm.AMOCRM, tenant, limit);
	}

	/** A CRM page's log: the latest deliveries of the tenant to that CRM. */
	public List<Delivery> latest(Crm crm, TenantId tenant, int limit) {
		return jdbc.sql("""
				select * from crm_amocrm_deliveries where tenant_id = ? and crm = ? order by created_at desc, id
				limit ?""")
			.params(tenant.value(), crm.name(), limit)
			.query((row, n) -> delivery(row))
			.list();
	}

	private static Delivery delivery(ResultSet row) throws SQLException {
		return new Delivery(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				row.getObject("signal_id", UUID.class), row.getInt("signal_count"), row.getObject("contact_id", UUID.class),
				row.getString("external_id"), row.getString("title"), row.getInt("priority"), row.getString("status"),
				row.getInt("attempts"), instant(row, "next_attempt_at"), instant(row, "sent_at"), row.getString("action"),
				row.getObject("amo_contact_id", Long.class), row.getObject("amo_entity_id", Long.class),
				row.getObject("last_status", Integer.class), row.getString("last_error"), instant(row, "created_at"),
				instant(row, "finished_at"));
	}

	private static Instant instant(ResultSet row, String column) {
		try {
			Timestamp value = row.getTimestamp(column);
			return value == null ? null : value.toInstant();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
