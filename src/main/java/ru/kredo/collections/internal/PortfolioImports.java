package ru.kredo.collections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.kredo.money.Money;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tabular.ImportRuns;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tabular.RowError;
import ru.kredo.tabular.RowErrorTable;
import ru.kredo.tenancy.TenantId;

/**
 * A tenant's named portfolios, their uploads and the uploads' rejected rows. A running upload's process touches
 * {@code updated_at} (its heartbeat) every few seconds ({@link ImportRuns}); one silent for longer than
 * {@code kredo.imports.heartbeat.stale-after} lost its process and reads as {@link ImportStatus#INTERRUPTED}, and
 * is marked so. Every query names the tenant, but {@link ImportRuns}' sweep of dead runs.
 */
@Repository
public class PortfolioImports implements ImportRuns.Imports {

	static final int MAX_NAME = 200;
	private static final String SELECT = """
			select i.*, p.name as portfolio_name from portfolio_imports i join portfolios p on p.id = i.portfolio_id
			where i.tenant_id = ?""";
	/** Separates the arguments of an error inside one text cell (arrays of arrays do not pass through unnest). */
	private static final RowErrorTable ERRORS = new RowErrorTable("portfolio_import_errors");
	/** Rows kept without a value that did not read, and rows skipped as no debt (a total, a signature). */
	private static final RowErrorTable NOTES = new RowErrorTable("portfolio_import_notes");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ImportRuns runs;

	PortfolioImports(JdbcClient jdbc, Clock clock, ImportRuns runs) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.runs = runs;
	}

	/** The tenant's portfolio of this name, made if there is none: uploading under the same name updates it. */
	UUID named(TenantId tenant, String name) {
		String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw new Rejected("portfolio.name-invalid", MAX_NAME);
		}
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, ?) on conflict do nothing")
			.params(UUID.randomUUID(), tenant.value(), trimmed, Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select id from portfolios where tenant_id = ? and name = ?")
			.params(tenant.value(), trimmed)
			.query(UUID.class)
			.single();
	}

	PortfolioImport start(TenantId tenant, UUID portfolio, String fileName, long fileSize, String startedBy) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into portfolio_imports (id, tenant_id, portfolio_id, file_name, file_size, status, started_by,
				    started_at, updated_at, run_id, node) values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), portfolio, fileName, fileSize, startedBy, now, now, runs.id(), runs.node())
			.update();
		return get(tenant, id);
	}

	void progress(TenantId tenant, UUID id, Progress progress) {
		jdbc.sql("""
				update portfolio_imports set bytes_read = ?, total = ?, created = ?, updated = ?, rejected = ?,
				    noted = ?, skipped = ?, updated_at = ? where tenant_id = ? and id = ?""")
			.params(progress.bytesRead(), progress.total(), progress.created(), progress.updated(), progress.rejected(),
					progress.noted(), progress.skipped(), Timestamp.from(clock.instant()), tenant.value(), id)
			.update();
	}

	/** Ends the import and counts the people its debts belong to. */
	void finish(TenantId tenant, UUID id, ImportStatus status, String failureCode, List<String> failureArgs) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update portfolio_imports set status = ?, failure_code = ?, failure_args = ?::text[], updated_at = ?,
				    finished_at = ?, debtors = (select count(distinct d.contact_id) from debts d
				        where d.tenant_id = portfolio_imports.tenant_id and d.import_id = portfolio_imports.id)
				where tenant_id = ? and id = ?""")
			.params(status.name(), failureCode, failureArgs.toArray(String[]::new), now, now, tenant.value(), id)
			.update();
	}

	@Override
	public void beat(Set<UUID> running, Instant now) {
		jdbc.sql("update portfolio_imports set updated_at = ? where status = 'RUNNING' and id = any(?)")
			.params(Timestamp.from(now), running.toArray(UUID[]::new))
			.update();
	}

	/** Across tenants: a process's start-up and heartbeat look after every tenant's imports. */
	@Override
	public Set<String> runningNodes() {
		return Set.copyOf(jdbc.sql("select distinct node from portfolio_imports where status = 'RUNNING' and node is not null")
			.query(String.class)
			.list());
	}

	@Override
	public int interruptDead(UUID run, Set<String> dead, Instant staleBefore, Instant now) {
		return jdbc.sql("""
				update portfolio_imports set status = 'INTERRUPTED', finished_at = ?, updated_at = ?,
				    debtors = (select count(distinct d.contact_id) from debts d
				        where d.tenant_id = portfolio_imports.tenant_id and d.import_id = portfolio_imports.id)
				where status = 'RUNNING' and run_id is distinct from ? and (node = any(?) or updated_at < ?)""")
			.params(Timestamp.from(now), Timestamp.from(now), run, dead.toArray(String[]::new), Timestamp.from(staleBefore))
			.update();
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

	public PortfolioImport get(TenantId tenant, UUID id) {
		return jdbc.sql(SELECT + " and i.id = ?")
			.params(tenant.value(), id)
			.query(this::portfolioImport)
			.optional()
			.orElseThrow(() -> new NotFound("import.not-found", id));
	}

	/** The portfolio's upload whose process is still alive, if one is. */
	Optional<PortfolioImport> running(TenantId tenant, UUID portfolio) {
		return jdbc.sql(SELECT + " and i.portfolio_id = ? and i.status = 'RUNNING' order by i.started_at desc limit 1")
			.params(tenant.value(), portfolio)
			.query(this::portfolioImport)
			.optional()
			.filter(PortfolioImport::isRunning);
	}

	/** The tenant's latest uploads, newest first. */
	public List<PortfolioImport> history(TenantId tenant, int limit) {
		return jdbc.sql(SELECT + " order by i.started_at desc limit ?")
			.params(tenant.value(), limit)
			.query(this::portfolioImport)
			.list();
	}

	/** Rejected rows after {@code afterLine}, in file order: a page of the report. */
	public List<RowError> errors(TenantId tenant, UUID importId, long afterLine, int limit) {
		return ERRORS.page(jdbc, tenant.value(), importId, afterLine, limit);
	}

	/**
	 * Makes the tenant's portfolio of this name, as the page does on its first upload (the API's
	 * {@code POST /api/v1/portfolios}); {@code created} is false when the name was already the tenant's, whose
	 * portfolio is answered.
	 */
	public Named create(TenantId tenant, String name) {
		String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		boolean existed = !trimmed.isEmpty() && jdbc.sql("select count(*) from portfolios where tenant_id = ? and name = ?")
			.params(tenant.value(), trimmed)
			.query(Long.class)
			.single() > 0;
		UUID id = named(tenant, name);
		return new Named(portfolio(tenant, id), !existed);
	}

	public record Named(PortfolioOverview portfolio, boolean created) {
	}

	/** One of the tenant's portfolios with its counts. */
	public PortfolioOverview portfolio(TenantId tenant, UUID id) {
		return overviews(tenant, "and p.id = ?", "", id).stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("portfolio.not-found", id));
	}

	/**
	 * The tenant's portfolios for the API's cursor paging: in the order they were made (then by id), after
	 * {@code after} ({@code null}: the first page).
	 */
	public List<PortfolioOverview> portfoliosAfter(TenantId tenant, ru.kredo.platform.Cursor after, int limit) {
		return after == null ? overviews(tenant, "", "limit ?", limit)
				: overviews(tenant, "and (p.created_at, p.id) > (?, ?)", "limit ?", Timestamp.from(after.at()), after.id(),
						limit);
	}

	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from portfolios where tenant_id = ?").param(tenant.value()).query(Long.class).single();
	}

	/** The import's rows refused, in file order, after {@code afterLine}: how many in all. */
	public long errorCount(TenantId tenant, UUID importId) {
		return jdbc.sql("select count(*) from portfolio_import_errors where tenant_id = ? and import_id = ?")
			.params(tenant.value(), importId)
			.query(Long.class)
			.single();
	}

	private List<PortfolioOverview> overviews(TenantId tenant, String where, String limit, Object... parameters) {
		List<Object> all = new java.util.ArrayList<>();
		all.add(tenant.value());
		all.addAll(List.of(parameters));
		return jdbc.sql(OVERVIEW.formatted(where, "p.created_at, p.id", limit))
			.params(all)
			.query((row, n) -> overviewRow(tenant, row))
			.list();
	}

	private static final String OVERVIEW = """
			select p.id, p.name, p.created_at, c.debts, c.open, c.debtors, c.balance, latest.id as latest_import
			from portfolios p
			cross join lateral (select count(*) as debts, count(*) filter (where d.closed_on is null) as open,
			        count(distinct d.contact_id) as debtors,
			        coalesce(sum(d.state_duty + d.fees + d.interest + d.principal + d.penalties), 0) as balance
			    from debts d where d.tenant_id = p.tenant_id and d.portfolio_id = p.id) c
			left join lateral (select i.id from portfolio_imports i where i.tenant_id = p.tenant_id
			    and i.portfolio_id = p.id order by i.started_at desc limit 1) latest on true
			where p.tenant_id = ? %s order by %s %s""";

	private PortfolioOverview overviewRow(TenantId tenant, ResultSet row) throws SQLException {
		UUID latest = row.getObject("latest_import", UUID.class);
		return new PortfolioOverview(row.getObject("id", UUID.class), row.getString("name"),
				row.getTimestamp("created_at").toInstant(), row.getLong("debts"), row.getLong("open"),
				row.getLong("debtors"), Money.ofKopecks(row.getLong("balance")),
				latest == null ? null : get(tenant, latest));
	}

	public List<PortfolioOverview> overview(TenantId tenant) {
		return jdbc.sql("""
				select p.id, p.name, p.created_at, c.debts, c.open, c.debtors, c.balance, latest.id as latest_import
				from portfolios p
				cross join lateral (select count(*) as debts, count(*) filter (where d.closed_on is null) as open,
				        count(distinct d.contact_id) as debtors,
				        coalesce(sum(d.state_duty + d.fees + d.interest + d.principal + d.penalties), 0) as balance
				    from debts d where d.tenant_id = p.tenant_id and d.portfolio_id = p.id) c
				left join lateral (select i.id from portfolio_imports i where i.tenant_id = p.tenant_id
				    and i.portfolio_id = p.id order by i.started_at desc limit 1) latest on true
				where p.tenant_id = ? order by p.created_at desc, p.name""")
			.param(tenant.value())
			.query((row, n) -> {
				UUID latest = row.getObject("latest_import", UUID.class);
				return new PortfolioOverview(row.getObject("id", UUID.class), row.getString("name"),
						row.getTimestamp("created_at").toInstant(), row.getLong("debts"), row.getLong("open"),
						row.getLong("debtors"), Money.ofKopecks(row.getLong("balance")),
						latest == null ? null : get(tenant, latest));
			})
			.list();
	}

	private PortfolioImport portfolioImport(ResultSet row, int rowNumber) throws SQLException {
		ImportStatus status = ImportStatus.valueOf(row.getString("status"));
		Instant heartbeat = row.getTimestamp("updated_at").toInstant();
		if (status == ImportStatus.RUNNING && heartbeat.plus(runs.staleAfter()).isBefore(clock.instant())) {
			status = ImportStatus.INTERRUPTED;
		}
		Timestamp finished = row.getTimestamp("finished_at");
		return new PortfolioImport(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
				row.getObject("portfolio_id", UUID.class), row.getString("portfolio_name"), row.getString("file_name"),
				row.getLong("file_size"), status, row.getString("failure_code"),
				List.of((String[]) row.getArray("failure_args").getArray()), row.getLong("bytes_read"),
				row.getLong("total"), row.getLong("created"), row.getLong("updated"), row.getLong("rejected"),
				row.getLong("noted"), row.getLong("skipped"), row.getLong("debtors"), row.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

	/** Counts so far, written with every batch. */
	record Progress(long bytesRead, long total, long created, long updated, long rejected, long noted, long skipped) {
	}
}
