package ru.kredo.signals;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.TenantId;

/**
 * Whether monitoring pays: per list (and for individual watches) and per segment, how many people are watched, how
 * many signals they raised, how many were worked, how often the manager got through, and how many deals came of it.
 * <p>
 * Each figure has one definition, written in {@code docs/metrics.md}: «на мониторинге» is the watches now
 * {@code ACTIVE} ({@link #WATCHED}, the same the dashboard, the monitoring page and the lists page count: a watch
 * awaiting consent or stopped is not watched); «дозвонились» and «сделок» are the outcomes {@link Outcome#reached()}
 * and {@link Outcome#success()} say, so that a collector's «Оплатил» counts as its deal.
 */
@Service
public class Conversion {

	/** Which watches count as «на мониторинге», as a condition on {@code watches}. */
	public static final String WATCHED = "status = 'ACTIVE'";

	private static final String SIGNAL_COUNTS = """
			count(*) as signals, count(*) filter (where status = 'CLOSED') as worked,
			count(*) filter (where outcome in (%s)) as reached,
			count(*) filter (where outcome in (%s)) as deals""".formatted(Outcome.sqlList(false), Outcome.sqlList(true));

	/** Individual watches have no list; grouping needs a value to stand for "none". */
	private static final String NO_LIST = "00000000-0000-0000-0000-000000000000";

	private final JdbcClient jdbc;

	Conversion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> byList(TenantId tenant) {
		return jdbc.sql("""
				with w as (select coalesce(list_id, '%1$s') as k, count(*) filter (where %3$s) as watched from watches
				           where tenant_id = ? group by 1),
				     s as (select coalesce(list_id, '%1$s') as k, %2$s from signals where tenant_id = ? group by 1)
				select nullif(coalesce(w.k, s.k)::text, '%1$s') as key, l.name, coalesce(w.watched, 0) as watched,
				       coalesce(s.signals, 0) as signals, coalesce(s.worked, 0) as worked,
				       coalesce(s.reached, 0) as reached, coalesce(s.deals, 0) as deals
				from w full join s on w.k = s.k
				left join monitoring_lists l on l.id = coalesce(w.k, s.k)
				order by coalesce(w.watched, 0) desc""".formatted(NO_LIST, SIGNAL_COUNTS, WATCHED))
			.params(tenant.value(), tenant.value())
			.query(Conversion::row)
			.list();
	}

	public List<Row> bySegment(TenantId tenant) {
		return jdbc.sql("""
				with w as (select segment, count(*) filter (where %2$s) as watched from watches where tenant_id = ? group by segment),
				     s as (select segment, %1$s from signals where tenant_id = ? group by segment)
				select coalesce(w.segment, s.segment) as key, null as name, coalesce(w.watched, 0) as watched,
				       coalesce(s.signals, 0) as signals, coalesce(s.worked, 0) as worked,
				       coalesce(s.reached, 0) as reached, coalesce(s.deals, 0) as deals
				from w full join s on w.segment = s.segment order by 1""".formatted(SIGNAL_COUNTS, WATCHED))
			.params(tenant.value(), tenant.value())
			.query(Conversion::row)
			.list();
	}

	private static Row row(java.sql.ResultSet r, int n) throws java.sql.SQLException {
		return new Row(r.getString("key"), r.getString("name"), r.getLong("watched"), r.getLong("signals"),
				r.getLong("worked"), r.getLong("reached"), r.getLong("deals"));
	}

	/**
	 * One line of the conversion table.
	 *
	 * @param key a list id (null: individual watches) or a segment name
	 */
	public record Row(String key, String name, long watched, long signals, long worked, long reached, long deals) {

		/** Deals per thousand people watched: comparable across lists of any size. */
		public double dealsPerThousand() {
			return watched == 0 ? 0 : deals * 1000.0 / watched;
		}

		/** Share of worked signals that ended in a deal, in per cent. */
		public double dealRate() {
			return worked == 0 ? 0 : deals * 100.0 / worked;
		}

		public boolean individual() {
			return key == null;
		}

		public UUID listId() {
			return key == null ? null : UUID.fromString(key);
		}
	}
}
