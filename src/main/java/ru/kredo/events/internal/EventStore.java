package ru.kredo.events.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.PeopleOfInterest;
import ru.kredo.events.RecordedEvent;
import ru.kredo.platform.BinaryCopy;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;

/**
 * Writes a prepared chunk's new events in the caller's transaction. The fast way, for the usual chunk of events never
 * seen before: take ids from the table's sequence and COPY the chunk in. If any of its (source, event id) is stored
 * already (a re-sent batch, or another batch storing the same event at this moment) the COPY fails on the unique key;
 * the chunk is then rolled back to a savepoint and written with {@code insert … on conflict do nothing}, which skips
 * what exists, exactly, under any concurrency, only slower. A chunk of fewer than {@value #COPY_FROM} events goes that
 * way directly.
 */
@Component
public class EventStore {

	private static final Logger log = LoggerFactory.getLogger(EventStore.class);
	// A few events (the trickle, a CRM's single call) go in one statement: COPY's ids, savepoint and copy are four.
	private static final int COPY_FROM = 100;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final PeopleOfInterest people;
	private final PersonalData personalData;
	private volatile Boolean utf8Database;
	private volatile Long idBlock;

	EventStore(JdbcClient jdbc, DataSource dataSource, ObjectProvider<PeopleOfInterest> people, PersonalData personalData) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.people = people.getIfAvailable(() -> EVERYONE);
		this.personalData = personalData;
	}

	/**
	 * The chunk's events that were not stored before, now stored; with their subjects only if they may concern people
	 * of interest.
	 */
	public List<RecordedEvent> insertNew(EventChunk chunk, Instant receivedAt, TransactionStatus transaction) {
		chunk.keepSubjects(people, personalData);
		if (chunk.distinct < COPY_FROM || !binaryCopyFits()) {
			return insertOnConflict(chunk, receivedAt);
		}
		long start = System.nanoTime();
		long[] ids = ids(chunk.distinct);
		long numbered = System.nanoTime();
		Object savepoint = transaction.createSavepoint();
		try {
			copy(chunk, ids, receivedAt);
			transaction.releaseSavepoint(savepoint);
		}
		catch (DuplicateKeyException seenBefore) {
			transaction.rollbackToSavepoint(savepoint);
			log.debug("a chunk of {} holds events stored before: inserting it with on conflict do nothing", chunk.size());
			return insertOnConflict(chunk, receivedAt);
		}
		if (log.isDebugEnabled()) {
			log.debug("{} new events, {} with their subject: ids {} ms, copy {} ms", chunk.distinct, chunk.kept,
					(numbered - start) / 1_000_000,
					(System.nanoTime() - numbered) / 1_000_000);
		}
		List<RecordedEvent> recorded = new ArrayList<>(chunk.distinct);
		for (int k = 0; k < chunk.distinct; k++) {
			recorded.add(chunk.recorded(ids[k], chunk.firsts[k]));
		}
		return recorded;
	}

	// Each nextval of credit_events' sequence reserves a block of ids, as many as its increment (10,000, migration
	// V202611232104): block b gives b, b + 1, … The increment is read from the sequence, never assumed: ids counted
	// past it would collide with the next block's.
	private long[] ids(int count) {
		long block = idBlock();
		List<Long> blocks = jdbc.sql("select nextval('credit_events_id_seq') from generate_series(1, ?)")
			.param((int) ((count + block - 1) / block))
			.query(Long.class)
			.list();
		long[] ids = new long[count];
		for (int k = 0; k < count; k++) {
			ids[k] = blocks.get((int) (k / block)) + k % block;
		}
		return ids;
	}

	private long idBlock() {
		Long block = idBlock;
		if (block == null) {
			block = jdbc.sql("select increment_by from pg_sequences where schemaname = current_schema() "
					+ "and sequencename = 'credit_events_id_seq'").query(Long.class).single();
			idBlock = block;
		}
		return block;
	}

	private void copy(EventChunk chunk, long[] ids, Instant receivedAt) {
		BinaryCopy rows = new BinaryCopy(chunk.distinct * 128 + chunk.kept * 256);
		// In the order of the unique key (source, event id), whose index takes one entry per event at a place all over
		// it: in order, consecutive entries go to the same or the next leaf pages.
		for (int k = 0; k < chunk.distinct; k++) {
			int i = chunk.firsts[k];
			CreditEvent event = chunk.events.get(i);
			rows.row(13)
				.int8(ids[k])
				.text(chunk.sources[i])
				.text(chunk.ids[i])
				.text(chunk.types[i])
				.text(chunk.codes[i])
				.timestamp(event.occurredAt())
				.timestamp(receivedAt)
				.bytea(chunk.passports[i])
				.bytea(chunk.names[i])
				.bytea(chunk.subjects[i])
				.text(chunk.lenders[i])
				.numeric(event.amount())
				.int4(event.daysPastDue());
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			rows.copyInto(connection, """
					copy credit_events (id, source, source_event_id, type, rutdf_code, occurred_at, received_at,
					    passport_index, name_dob_index, subject, lender_kind, amount, days_past_due)
					from stdin (format binary)""");
		}
		catch (SQLException ex) {
			if ("23505".equals(ex.getSQLState())) {
				throw new DuplicateKeyException("an event of the chunk is stored already", ex);
			}
			if ("40P01".equals(ex.getSQLState())) {
				throw new CannotAcquireLockException("storing credit events lost a deadlock", ex);
			}
			throw new IllegalStateException("could not store credit events", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Binary COPY writes text as UTF-8, which is what a UTF8 database stores (PostgreSQL's default, and Kredo's own
	 * embedded one); on any other server encoding every chunk takes the insert way.
	 */
	private boolean binaryCopyFits() {
		Boolean fits = utf8Database;
		if (fits == null) {
			fits = "UTF8".equals(jdbc.sql("select current_setting('server_encoding')").query(String.class).single());
			utf8Database = fits;
		}
		return fits;
	}

	private List<RecordedEvent> insertOnConflict(EventChunk chunk, Instant receivedAt) {
		return jdbc.sql("""
				insert into credit_events (source, source_event_id, type, rutdf_code, occurred_at, received_at,
				    passport_index, name_dob_index, subject, lender_kind, amount, days_past_due)
				select s, i, t, c, o::timestamptz, ?, p, nd, sb, l, a::numeric, d::int
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[],
				            ?::text[], ?::text[], ?::text[]) as e(s, i, t, c, o, p, nd, sb, l, a, d)
				on conflict (source, source_event_id) do nothing
				returning id, source, source_event_id""")
			.params(Timestamp.from(receivedAt), chunk.sources, chunk.ids, chunk.types, chunk.codes, chunk.occurredTexts(),
					chunk.passports, chunk.names, chunk.subjects, chunk.lenders, chunk.amountTexts(), chunk.daysPastDueTexts())
			.query((row, n) -> chunk.recorded(row.getLong("id"), row.getString("source"), row.getString("source_event_id")))
			.list();
	}

	private static final PeopleOfInterest EVERYONE = new PeopleOfInterest() {

		@Override
		public void refresh() {
		}

		@Override
		public boolean mayInclude(BlindIndex passport, BlindIndex nameAndBirthDate) {
			return true;
		}
	};
}
