package ru.kredo.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantId;

/**
 * Records and reads the audit log. {@code detail} takes ids and counts only; callers never pass personal data.
 * <p>
 * An entry about an object that belongs to one person (his conversation, document request, statement, plan, debt)
 * carries that person's contact id too ({@code recordAbout}), so that one search by the person finds every entry
 * about him (152-ФЗ: «who looked at my data?», docs/personal-data.md). An entry on a contact itself is his.
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
		recordAbout(tenant, actor, null, action, objectType, objectId, detail);
	}

	/**
	 * Records an action of the current request's actor on an object that belongs to {@code person} (a contact's id):
	 * the search by that person finds it as well as the search by the object.
	 */
	public void recordAbout(UUID person, AuditAction action, String objectType, Object objectId, String detail) {
		Actor actor = current.actor();
		recordAbout(actor.tenantId(), AuditActor.of(actor), person, action, objectType, objectId, detail);
	}

	/** {@link #recordAbout(UUID, AuditAction, String, Object, String)} outside a request. */
	public void recordAbout(TenantId tenant, AuditActor actor, UUID person, AuditAction action, String objectType,
			Object objectId, String detail) {
		jdbc.sql("""
				insert into audit_events (tenant_id, occurred_at, actor, actor_name, action, object_type, object_id, detail,
				    contact_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), Timestamp.from(clock.instant()), actor.id(), actor.name(), action.name(), objectType,
					objectId == null ? null : objectId.toString(), detail, person(person, objectType, objectId))
			.update();
	}

	/** The person the entry is about: the one given, else the contact acted on. */
	private static UUID person(UUID person, String objectType, Object objectId) {
		if (person != null || !"contact".equals(objectType) || objectId == null) {
			return person;
		}
		return uuid(objectId.toString());
	}

	private static UUID uuid(String text) {
		try {
			return text.length() == 36 ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException notOne) {
			return null;
		}
	}

	/**
	 * Records an action of the current request's actor unless the same actor recorded the same action on the same
	 * object with the same detail within {@code window}: for views that a user repeats while working (a watch's
	 * card), so that the log shows who looked at whom and when without a line per page reload.
	 */
	public void recordAtMostOnceIn(Duration window, AuditAction action, String objectType, Object objectId, String detail) {
		Actor actor = current.actor();
		AuditActor who = AuditActor.of(actor);
		Instant now = clock.instant();
		String object = objectId == null ? null : objectId.toString();
		jdbc.sql("""
				insert into audit_events (tenant_id, occurred_at, actor, actor_name, action, object_type, object_id, detail,
				    contact_id)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from audit_events where tenant_id = ? and object_id is not distinct from ?
				    and actor = ? and action = ? and object_type is not distinct from ? and detail is not distinct from ?
				    and occurred_at > ?)""")
			.params(actor.tenantId().value(), Timestamp.from(now), who.id(), who.name(), action.name(), objectType, object,
					detail, person(null, objectType, objectId), actor.tenantId().value(), object, who.id(), action.name(),
					objectType, detail,
					Timestamp.from(now.minus(window)))
			.update();
	}

	public List<AuditEvent> latest(TenantId tenant, int limit) {
		return search(tenant, AuditQuery.ALL, 0, limit);
	}

	/** The tenant's events that match, newest first, {@code limit} from {@code offset}. */
	public List<AuditEvent> search(TenantId tenant, AuditQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(tenant, query, params);
		params.add(offset);
		params.add(limit);
		return jdbc.sql("""
				select id, tenant_id, occurred_at, actor, actor_name, action, object_type, object_id, detail
				from audit_events where %s order by occurred_at desc, id desc offset ? limit ?""".formatted(where))
			.params(params)
			.query((row, n) -> new AuditEvent(row.getLong("id"), new TenantId(row.getObject("tenant_id", UUID.class)),
					row.getTimestamp("occurred_at").toInstant(),
					new AuditActor(row.getString("actor"), row.getString("actor_name")),
					AuditAction.valueOf(row.getString("action")), row.getString("object_type"),
					row.getString("object_id"), row.getString("detail")))
			.list();
	}

	/** How many of the tenant's events match. */
	public long count(TenantId tenant, AuditQuery query) {
		List<Object> params = new ArrayList<>();
		String where = where(tenant, query, params);
		return jdbc.sql("select count(*) from audit_events where " + where).params(params).query(Long.class).single();
	}

	private static String where(TenantId tenant, AuditQuery query, List<Object> params) {
		StringBuilder where = new StringBuilder("tenant_id = ?");
		params.add(tenant.value());
		if (query.actor() != null) {
			where.append(" and (actor = ? or actor_name ilike '%' || ? || '%' escape '\\')");
			params.add(query.actor());
			params.add(likeEscaped(query.actor()));
		}
		if (query.action() != null) {
			where.append(" and action = ?");
			params.add(query.action().name());
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			where.append(" and occurred_at < ?");
			params.add(Timestamp.from(query.until()));
		}
		if (query.subject() != null) {
			UUID person = uuid(query.subject());
			if (person == null) {
				where.append(" and object_id = ?");
				params.add(query.subject());
			}
			else {
				// Both arms have their index (object_id, contact_id): Postgres ORs the two bitmaps.
				where.append(" and (object_id = ? or contact_id = ?)");
				params.add(query.subject());
				params.add(person);
			}
		}
		return where.toString();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
