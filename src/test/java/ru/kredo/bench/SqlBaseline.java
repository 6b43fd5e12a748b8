package ru.kredo.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL alone does with the same events, already parsed and with their blind indexes and sealed subject
 * computed (for free: not timed). (b) the floor: COPY into a bare table with credit_events' columns, no keys, no
 * indexes. (b') the floor with idempotency: the same COPY into a table whose only index is credit_events' unique key
 * on (source, event id), the least that any path storing each event idempotently must do. (c) the set-based baseline: COPY into an unlogged staging table, then one statement that inserts the
 * events idempotently into a copy of credit_events (identity, unique (source, event id)) and, for the new ones, one
 * row per active watch of a matching contact (passport, or ФИО + birth date where passports do not contradict) into
 * a bare signals table; no consent or period check, no folding, ranking or wording.
 */
final class SqlBaseline {

	private static final String COLUMNS = "source, source_event_id, type, rutdf_code, occurred_at, received_at, "
			+ "passport_index, name_dob_index, subject, lender_kind, amount, days_past_due";

	private final JdbcClient jdbc;
	private final BenchmarkData data;
	private long matches;

	SqlBaseline(JdbcClient jdbc, BenchmarkData data) {
		this.jdbc = jdbc;
		this.data = data;
		String bare = """
				(source text, source_event_id text, type text, rutdf_code text, occurred_at timestamptz,
				 received_at timestamptz, passport_index bytea, name_dob_index bytea, subject bytea, lender_kind text,
				 amount numeric(18, 2), days_past_due int)""";
		jdbc.sql("create table if not exists bench_floor " + bare).update();
		jdbc.sql("create unlogged table if not exists bench_staging " + bare).update();
		// credit_events' key: (source, event id) compared byte by byte.
		String keyed = bare.replace("source text, source_event_id text",
				"source text collate \"C\", source_event_id text collate \"C\"");
		jdbc.sql("create table if not exists bench_floor_keyed " + keyed.substring(0, keyed.length() - 1)
				+ ", unique (source, source_event_id))").update();
		jdbc.sql("create table if not exists bench_events (like credit_events including all)").update();
		jdbc.sql("""
				create table if not exists bench_signals (event_id bigint, tenant_id uuid, watch_id uuid, segment text,
				    event_type text, occurred_at timestamptz)""").update();
		// Emptied before each use, so never in need of a vacuum (see IngestionBenchmark.noAutovacuumWhileTimed).
		for (String table : List.of("bench_floor", "bench_staging", "bench_floor_keyed", "bench_events", "bench_signals")) {
			jdbc.sql("alter table " + table + " set (autovacuum_enabled = false)").update();
		}
	}

	double floor(Path copyText, long expected) throws SQLException, IOException {
		return copyInto("bench_floor", copyText, expected);
	}

	double keyedFloor(Path copyText, long expected) throws SQLException, IOException {
		return copyInto("bench_floor_keyed", copyText, expected);
	}

	// Events per second of a COPY of all events into an emptied table.
	private double copyInto(String table, Path copyText, long expected) throws SQLException, IOException {
		jdbc.sql("truncate " + table).update();
		jdbc.sql("checkpoint").update();
		long start = System.nanoTime();
		long copied = copy(table, copyText);
		check(copied, expected);
		return IngestionBenchmark.perSecond(copied, start);
	}

	double baseline(Path copyText, long expected) throws SQLException, IOException {
		jdbc.sql("truncate bench_staging, bench_events, bench_signals restart identity").update();
		jdbc.sql("checkpoint").update();
		long start = System.nanoTime();
		check(copy("bench_staging", copyText), expected);
		matches = jdbc.sql("""
				with new as (
				    insert into bench_events (%1$s) select %1$s from bench_staging
				    on conflict (source, source_event_id) do nothing
				    returning id, type, occurred_at, passport_index, name_dob_index),
				matched as (
				    select n.id, c.id as contact_id from new n join contacts c on c.passport_index = n.passport_index
				    union
				    select n.id, c.id from new n join contacts c on c.name_dob_index = n.name_dob_index
				    where n.passport_index is null or c.passport_index is null or c.passport_index = n.passport_index)
				insert into bench_signals (event_id, tenant_id, watch_id, segment, event_type, occurred_at)
				select n.id, w.tenant_id, w.id, w.segment, n.type, n.occurred_at
				from matched m join new n on n.id = m.id join watches w on w.contact_id = m.contact_id and w.status = 'ACTIVE'
				""".formatted(COLUMNS)).update();
		return IngestionBenchmark.perSecond(expected, start);
	}

	long matches() {
		return matches;
	}

	private long copy(String table, Path copyText) throws SQLException, IOException {
		try (Reader rows = Files.newBufferedReader(copyText)) {
			return data.copy("copy " + table + " (" + COLUMNS + ") from stdin", rows);
		}
	}

	private static void check(long copied, long expected) {
		if (copied != expected) {
			throw new IllegalStateException("copied " + copied + " of " + expected);
		}
	}
}
