package ru.kredo.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.monitoring.ListId;
import ru.kredo.monitoring.ListImportFinished;
import ru.kredo.platform.NotFound;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.RowErrorTable;
import ru.kredo.tenancy.TenantId;

/**
 * Imports and their rejected rows. A running import's process touches {@code updated_at} (its heartbeat) every few
 * seconds ({@link ImportRuns}); one silent for longer than {@code kredo.imports.heartbeat.stale-after} lost its
 * process and reads as {@link ImportStatus#INTERRUPTED}, and is marked so.
 */
@Repository
public class ImportRecords implements ImportRuns.Imports {

	private static final String SELECT = """
			select i.*, l.name as list_name from list_imports i join monitoring_lists l on l.id = i.list_id
			where i.tenant_id = ?""";
	/** Separates the arguments of an error inside one text cell (arrays of arrays do not pass through unnest). */
	private static final RowErrorTable ERRORS = new RowErrorTable("list_import_errors");
	/** Rows kept without a value that did not read, and rows skipped as no person (a total, a signature). */
	private static final RowErrorTable NOTES = new RowErrorTable("list_import_notes");
	/** How many names matching no user an import lists one by one; the rows of any others are counted together. */
	static final int MAX_UNKNOWN_MANAGERS = 50;
	static final int MAX_MANAGER_NAME = 200;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ImportRuns runs;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;

	ImportRecords(JdbcClient jdbc, Clock clock, ImportRuns runs, TransactionTemplate transaction,
			ApplicationEventPublisher events) {
		this.transaction = transaction;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.runs = runs;
	}

	ListImport start(TenantId tenant, ListId list, String fileName, long fileSize, String startedBy) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into list_imports (id, tenant_id, list_id, file_name, file_size, status, started_by, started_at,
				    updated_at, run_id, node) values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), list.value(), fileName, fileSize, startedBy, now, now, runs.id(), runs.node())
			.update();
		return get(tenant, id);
	}

	void progress(TenantId tenant, UUID id, Progress progress) {
		jdbc.sql("""
				update list_imports set bytes_read = ?, total = ?, imported = ?, rejected = ?, awaiting_consent = ?,
				    noted = ?, skipped = ?, updated_at = ? where tenant_id = ? and id = ?""")
			.params(progress.bytesRead(), progress.total(), progress.imported(), progress.rejected(),
					progress.awaitingConsent(), progress.noted(), progress.skipped(), Timestamp.from(clock.instant()),
					tenant.value(), id)
			.update();
	}

	/**
	 * Records the import's end and, in the same transaction, publishes {@link ListImportFinished} (the tenant's CRM
	 * hears of it by webhook after the commit, issue 15).
	 */
	void finish(TenantId tenant, UUID id, ImportStatus status, String failureCode, List<String> failureArgs) {
		Timestamp now = Timestamp.from(clock.instant());
		transaction.executeWithoutResult(tx -> {
			int ended = jdbc.sql("""
					update list_imports set status = ?, failure_code = ?, failure_args = ?::text[], updated_at = ?,
					    finished_at = ? where tenant_id = ? and id = ?""")
				.params(status.name(), failureCode, failureArgs.toArray(String[]::new), now, now, tenant.value(), id)
				.update();
			if (ended > 0) {
				events.publishEvent(finished(get(tenant, id)));
			}
		});
	}

	static ListImportFinished finished(ListImport done) {
		return new ListImportFinished(done.tenantId(), done.id(), done.listId(), done.listName(), done.fileName(),
				done.status(), done.failureCode(), done.failureArgs(), done.total(), done.imported(), done.rejected(),
				done.awaitingConsent(), done.noted(), done.skipped(), done.startedAt(), done.finishedAt());
	}

	@Override
	public void beat(Set<UUID> running, Instant now) {
		jdbc.sql("update list_imports set updated_at = ? where status = 'RUNNING' and id = any(?)")
			.params(Timestamp.from(now), running.toArray(UUID[]::new))
			.update();
	}

	/** Across tenants: a process's start-up and heartbeat look after every tenant's imports. */
	@Override
	public Set<String> runningNodes() {
		return Set.copyOf(jdbc.sql("select distinct node from list_imports where status = 'RUNNING' and node is not null")
			.query(String.class)
			.list());
	}

	@Override
	public int interruptDead(UUID run, Set<String> dead, Instant staleBefore, Instant now) {
		// Each import found interrupted has ended too: published with the others' ends (ListImportFinished).
		return transaction.execute(tx -> {
			List<Map.Entry<TenantId, UUID>> interrupted = jdbc.sql("""
					update list_imports set status = 'INTERRUPTED', finished_at = ?, updated_at = ?
					where status = 'RUNNING' and run_id is distinct from ? and (node = any(?) or updated_at < ?)
					returning tenant_id, id""")
				.params(Timestamp.from(now), Timestamp.from(now), run, dead.toArray(String[]::new),
						Timestamp.from(staleBefore))
				.query((row, n) -> Map.entry(new TenantId(row.getObject("tenant_id", UUID.class)),
						row.getObject("id", UUID.class)))
				.list();
			interrupted.forEach(done -> events.publishEvent(finished(get(done.getKey(), done.getValue()))));
			return interrupted.size();
		});
	}

	void reject(TenantId tenant, UUID importId, List<RowError> rows) {
		ERRORS.insert(jdbc, tenant.value(), importId, rows);
	}

	void note(TenantId tenant, UUID importId, List<RowError> rows) {
		NOTES.insert(jdbc, tenant.value(), importId, rows);
	}

	/** Rows kept with a note or skipped after {@code afterLine}, in file order: a page of the report. */
	public List<RowError> notes(TenantId tenant, UUID importId, long afterLine, int limit) {
		return NOTES.page(jdbc, tenant.value(), importId, afterLine, limit);
	}

	/** Writes the import's counts so far of rows whose manager column names no user, by name. */
	void unknownManagers(TenantId tenant, UUID importId, Map<String, Long> rowsByName) {
		if (rowsByName.isEmpty()) {
			return;
		}
		List<String> names = List.copyOf(rowsByName.keySet());
		jdbc.sql("""
				insert into list_import_unknown_managers (tenant_id, import_id, name, row_count)
				select ?, ?, m.name, m.rows from unnest(?::text[], ?::int[]) as m (name, rows)
				on conflict (import_id, name) do update set row_count = excluded.row_count""")
			.params(tenant.value(), importId,
					names.stream().map(n -> n.length() > MAX_MANAGER_NAME ? n.substring(0, MAX_MANAGER_NAME) : n)
						.toArray(String[]::new),
					names.stream().map(n -> rowsByName.get(n).intValue()).toArray(Integer[]::new))
			.update();
	}

	/**
	 * The names the import's manager column gave that match no user, most rows first, with how many rows named each;
	 * the name is empty for the rows of the names beyond {@value #MAX_UNKNOWN_MANAGERS}.
	 */
	public List<UnknownManager> unknownManagers(TenantId tenant, UUID importId) {
		return jdbc.sql("""
				select name, row_count from list_import_unknown_managers where tenant_id = ? and import_id = ?
				order by name = '', row_count desc, name""")
			.params(tenant.value(), importId)
			.query((row, n) -> new UnknownManager(row.getString("name"), row.getInt("row_count")))
			.list();
	}

	/** A name in a manager column that matches no user's name or e-mail, and how many rows gave it. */
	public record UnknownManager(String name, int rows) {

		public boolean others() {
			return name.isEmpty();
		}
	}

	public ListImport get(TenantId tenant, UUID id) {
		return jdbc.sql(SELECT + " and i.id = ?")
			.params(tenant.value(), id)
			.query(this::listImport)
			.optional()
			.orElseThrow(() -> new NotFound("import.not-found", id));
	}

	/** The list's import whose process is still alive, if one is. */
	Optional<ListImport> running(TenantId tenant, ListId list) {
		return jdbc.sql(SELECT + " and i.list_id = ? and i.status = 'RUNNING' order by i.started_at desc limit 1")
			.params(tenant.value(), list.value())
			.query(this::listImport)
			.optional()
			.filter(ListImport::isRunning);
	}

	/** Rejected rows after {@code afterLine}, in file order: a page of the report. */
	public List<RowError> errors(TenantId tenant, UUID importId, long afterLine, int limit) {
		return ERRORS.page(jdbc, tenant.value(), importId, afterLine, limit);
	}

	ListImport listImport(ResultSet row, int rowNumber) throws SQLException {
		ImportStatus status = ImportStatus.valueOf(row.getString("status"));
		Instant heartbeat = row.getTimestamp("updated_at").toInstant();
		if (status == ImportStatus.RUNNING && heartbeat.plus(runs.staleAfter()).isBefore(clock.instant())) {
			status = ImportStatus.INTERRUPTED;
		}
		Timestamp finished = row.getTimestamp("finished_at");
		return new ListImport(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				new ListId(row.getObject("list_id", UUID.class)), row.getString("list_name"), row.getString("file_name"),
				row.getLong("file_size"), status, row.getString("failure_code"),
				List.of((String[]) row.getArray("failure_args").getArray()), row.getLong("bytes_read"),
				row.getLong("total"), row.getLong("imported"), row.getLong("rejected"), row.getLong("awaiting_consent"),
				row.getLong("noted"), row.getLong("skipped"),
				row.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
	}

	/** Counts so far, written with every batch. */
	record Progress(long bytesRead, long total, long imported, long rejected, long awaitingConsent, long noted,
			long skipped) {
	}
}
