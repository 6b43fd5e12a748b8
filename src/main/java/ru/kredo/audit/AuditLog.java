package ru.kredo.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantId;

/**
 * Records and reads the audit log. {@code detail} takes ids and counts only; callers never pass personal data.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final CurrentTenant current;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, CurrentTenant current, Clock clock) {
		this.jdbc = jdbc;
		this.current = current;
		this.clock = clock;
	}

	/** Records an action of the actor of the current request. */
	public void record(AuditAction action, String objectType, Object objectId, String detail) {
		Actor actor = current.actor();
		record(actor.tenantId(), AuditActor.of(actor), action, objectType, objectId, detail);
	}

	/** Records an action outside a request, such as a sign-in or a command-line run. */
	public void record(TenantId tenant, AuditActor actor, AuditAction action, String objectType, Object objectId,
			String detail) {
		jdbc.sql("""
				insert into audit_events (tenant_id, occurred_at, actor, actor_name, action, object_type, object_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), Timestamp.from(clock.instant()), actor.id(), actor.name(), action.name(), objectType,
					objectId == null ? null : objectId.toString(), detail)
			.update();
	}

	public List<AuditEvent> latest(TenantId tenant, int limit) {
		return jdbc.sql("""
				select id, tenant_id, occurred_at, actor, actor_name, action, object_type, object_id, detail
				from audit_events where tenant_id = ? order by occurred_at desc, id desc limit ?""")
			.params(tenant.value(), limit)
			.query((row, n) -> new AuditEvent(row.getLong("id"), new TenantId(row.getObject("tenant_id", UUID.class)),
					row.getTimestamp("occurred_at").toInstant(),
					new AuditActor(row.getString("actor"), row.getString("actor_name")),
					AuditAction.valueOf(row.getString("action")), row.getString("object_type"),
					row.getString("object_id"), row.getString("detail")))
			.list();
	}
}
