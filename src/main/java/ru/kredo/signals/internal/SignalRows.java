package ru.kredo.signals.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

import ru.kredo.monitoring.Watch;
import ru.kredo.platform.BinaryCopy;

/** Writes what a batch raised: new signals, folded ones, and which events each watch matched; each in one statement. */
@Component
class SignalRows {

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Clock clock;
	private final SQLExceptionTranslator errors = new SQLStateSQLExceptionTranslator();

	SignalRows(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	// One COPY per batch, not a statement per signal: a daily batch raises tens of thousands. Binary, so that the
	// server parses no text (an insert from arrays of text cost ~25 µs of statement time per signal at 1,000,000
	// events); its only text is ASCII, the same bytes in any server encoding.
	void insert(List<OpenSignal> created) {
		if (created.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		BinaryCopy rows = new BinaryCopy(created.size() * 200);
		for (OpenSignal s : created) {
			Watch w = s.person.watch();
			rows.row(16)
				.uuid(s.id)
				.uuid(w.tenantId().value())
				.uuid(w.id().value())
				.uuid(w.contactId().value())
				.uuid(w.listId() == null ? null : w.listId().value())
				.text(w.segment().name())
				.text(s.type.name())
				.int4(s.priority)
				.int4(s.count)
				.timestamp(s.firstEventAt)
				.timestamp(s.lastEventAt)
				.numeric(s.amount)
				.text("OPEN")
				.uuid(w.managerId() == null ? null : w.managerId().value())
				.timestamp(now)
				.timestamp(now);
		}
		copy(rows, """
				copy signals (id, tenant_id, watch_id, contact_id, list_id, segment, event_type, priority, event_count,
				    first_event_at, last_event_at, amount, status, assignee_id, created_at, updated_at)
				from stdin (format binary)""");
	}

	void update(List<OpenSignal> folded) {
		if (folded.isEmpty()) {
			return;
		}
		int n = folded.size();
		UUID[] ids = new UUID[n];
		Integer[] counts = new Integer[n];
		String[] lasts = new String[n];
		String[] amounts = new String[n];
		for (int i = 0; i < n; i++) {
			OpenSignal s = folded.get(i);
			ids[i] = s.id;
			counts[i] = s.count;
			lasts[i] = s.lastEventAt.toString();
			amounts[i] = s.amount == null ? null : s.amount.toPlainString();
		}
		jdbc.sql("""
				update signals set event_count = f.count, last_event_at = f.last::timestamptz, amount = f.amount::numeric,
				    updated_at = ?
				from unnest(?::uuid[], ?::int[], ?::text[], ?::text[]) as f(id, count, last, amount)
				where signals.id = f.id""")
			.params(Timestamp.from(clock.instant()), ids, counts, lasts, amounts)
			.update();
	}

	/**
	 * Which events each watch matched, and the signal each folded into. The events are new, stored in this transaction,
	 * and a chunk matches each of them at most once per watch, so no link can exist already.
	 */
	void link(List<Link> links) {
		if (links.isEmpty()) {
			return;
		}
		BinaryCopy rows = new BinaryCopy(links.size() * 80);
		for (Link link : links) {
			rows.row(4).uuid(link.tenant()).uuid(link.watch()).int8(link.event()).uuid(link.signal());
		}
		copy(rows, "copy signal_events (tenant_id, watch_id, event_id, signal_id) from stdin (format binary)");
	}

	// In the caller's transaction, on its connection. A lost deadlock comes out as a PessimisticLockingFailureException,
	// which has the chunk stored again.
	private void copy(BinaryCopy rows, String statement) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			rows.copyInto(connection, statement);
		}
		catch (SQLException ex) {
			DataAccessException translated = errors.translate("COPY", statement, ex);
			throw translated != null ? translated : new UncategorizedSQLException("COPY", statement, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	record Link(UUID tenant, UUID watch, long event, UUID signal) {
	}
}
