package ru.kredo.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.monitoring.ListId;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** A tenant's named monitoring lists: found or made by name, and shown with their counts and latest upload. */
@Repository
public class MonitoringLists {

	static final int MAX_NAME = 200;

	private final JdbcClient jdbc;
	private final ImportRecords imports;
	private final Clock clock;

	MonitoringLists(JdbcClient jdbc, ImportRecords imports, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.clock = clock;
	}

	/** A list's name as stored: spaces collapsed; refuses a missing name or one over {@value #MAX_NAME} characters. */
	public static String checkName(String name) {
		String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw new Rejected("list.name-invalid", MAX_NAME);
		}
		return trimmed;
	}

	/** The tenant's list of this name, made if there is none: uploading under the same name updates that list. */
	ListId named(TenantId tenant, String name) {
		String trimmed = checkName(name);
		jdbc.sql("insert into monitoring_lists (id, tenant_id, name, created_at) values (?, ?, ?, ?) on conflict do nothing")
			.params(UUID.randomUUID(), tenant.value(), trimmed, Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select id from monitoring_lists where tenant_id = ? and name = ?")
			.params(tenant.value(), trimmed)
			.query((row, n) -> new ListId(row.getObject("id", UUID.class)))
			.single();
	}

	/**
	 * The tenant's lists with their counts: the one definition of «на мониторинге» ({@code ACTIVE}), «ждут согласия»
	 * and «сняты» per list, which the lists page, the API and an import's page all read ({@code docs/metrics.md}).
	 */
	public List<ListOverview> overview(TenantId tenant) {
		return lines(tenant, null);
	}

	/** One list's line of {@link #overview(TenantId)}: what an import's page says the list holds now. */
	public ListOverview overview(TenantId tenant, ListId list) {
		return lines(tenant, list).stream().findFirst().orElse(null);
	}

	private List<ListOverview> lines(TenantId tenant, ListId only) {
		return jdbc.sql("""
				select l.id, l.name, l.created_at, c.watches, c.active, c.awaiting, latest.id as latest_import
				from monitoring_lists l
				cross join lateral (select count(*) as watches, count(*) filter (where w.status = 'ACTIVE') as active,
				        count(*) filter (where w.status = 'AWAITING_CONSENT') as awaiting
				    from watches w where w.tenant_id = l.tenant_id and w.list_id = l.id) c
				left join lateral (select i.id from list_imports i where i.tenant_id = l.tenant_id and i.list_id = l.id
				    order by i.started_at desc limit 1) latest on true
				where l.tenant_id = ? and (?::uuid is null or l.id = ?) order by l.created_at desc, l.name""")
			.params(tenant.value(), only == null ? null : only.value(), only == null ? null : only.value())
			.query((row, n) -> {
				UUID latest = row.getObject("latest_import", UUID.class);
				return new ListOverview(new ListId(row.getObject("id", UUID.class)), row.getString("name"),
						row.getTimestamp("created_at").toInstant(), row.getLong("watches"), row.getLong("active"),
						row.getLong("awaiting"), latest == null ? null : imports.get(tenant, latest));
			})
			.list();
	}
}
