package ru.kredo.signals;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.TenantId;

/**
 * Whether monitoring pays: per list (and for individual watches) and per segment, how many people are watched, how
 * many signals they raised, how many were worked, how often the manager got through, and how many deals came of it.
 */
@Service
public class Conversion {

	private static final String SIGNAL_COUNTS = """
			count(*) as signals, count(*) filter (where status = 'CLOSED') as worked,
			count(*) filter (where outcome in ('REACHED', 'DEAL', 'NOT_INTERESTED')) as reached,
			count(*) filter (where outcome = 'DEAL') as deals""";

	/** Individual watches have no list; grouping needs a value to stand for "none". */
	private static final String NO_LIST = "00000000-0000-0000-0000-000000000000";

	private final JdbcClient jdbc;

	Conversion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> byList(TenantId tenant) {
		return jdbc.sql("""
				with w as (select coalesce(list_id, '%1$s') as k, count(*) as watched from watches where tenant_id = ? group by 1),
				     s as (select coalesce(list_id, '%1$s') as k, %2$s from signals where tenant_id = ? group by 1)
				select nullif(coalesce(w.k, s.k)::text, '%1$s') as key, l.name, coalesce(w.watched, 0) as watched,
				       coalesce(s.signals, 0) as signals, coalesce(s.worked, 0) as worked,
				       coalesce(s.reached, 0) as reached, coalesce(s.deals, 0) as deals
				from w full join s on w.k = s.k
				left join monitoring_lists l on l.id = coalesce(w.k, s.k)
				order by coalesce(w.watched, 0) desc""".formatted(NO_LIST, SIGNAL_COUNTS))
			.params(tenant.value(), tenant.value())
			.query(Conversion::row)
			.list();
	}

	public List<Row> bySegment(TenantId tenant) {
		return jdbc.sql("""
				with w as (select segment, count(*) as watched from watches where tenant_id = ? group by segment),
				     s as (select segment, %s from signals where tenant_id = ? group by segment)
				select coalesce(w.segment, s.segment) as key, null as name, coalesce(w.watched, 0) as watched,
				       coalesce(s.signals, 0) as signals, coalesce(s.worked, 0) as worked,
				       coalesce(s.reached, 0) as reached, coalesce(s.deals, 0) as deals
				from w full join s on w.segment = s.segment order by 1""".formatted(SIGNAL_COUNTS))
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
