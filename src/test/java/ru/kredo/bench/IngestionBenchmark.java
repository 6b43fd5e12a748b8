package ru.kredo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.kredo.contacts.Contacts;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit event ingestion side by side, on the same generated data with 1,000,000 active watches: (a) Kredo's batch
 * path, (b) the floor, a bare COPY of the same events, (b') the same COPY behind the unique key, (c) a set-based SQL
 * baseline; with {@code -Dbench.kafka=true} also (d) the Kafka path ({@link KafkaPath}); then the trickle's
 * event-to-visible-signal latency. Not part of the build: its name matches neither test pattern. Run it with
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=IngestionBenchmark} (see docs/bench/ingestion.md).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"kredo.data-directory=target/bench/data", "kredo.demo=false", "kredo.simulator.enabled=false" })
@ActiveProfiles("test")
class IngestionBenchmark {

	static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
	static final int RUNS = Integer.getInteger("bench.runs", 3);
	static final int TRICKLE = Integer.getInteger("bench.trickle", 1_000);
	static final double WATCHED_SHARE = Double.parseDouble(System.getProperty("bench.watched-share", "0.06"));
	static final Path DIR = Path.of("target/bench");
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000_000);
	static final boolean KAFKA = Boolean.getBoolean("bench.kafka");
	static final int KAFKA_WARM_UP = Integer.getInteger("bench.kafka.warm-up", Math.min(WARM_UP, 500_000));

	// (d) only: Kafka configured as in production (spring.kafka.bootstrap-servers set, so events/internal/KafkaEvents
	// makes its producer, topics and consumer), on a broker started in this JVM before the context; the consumer is
	// started by (d), not with the context, so that it does not poll while the other phases run.
	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		if (KAFKA) {
			String brokers = KafkaPath.startBroker();
			registry.add("spring.kafka.bootstrap-servers", () -> brokers);
			registry.add("kredo.events.kafka.consume", () -> "false");
		}
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalData personalData;

	@Autowired
	Contacts contacts;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	BenchmarkData data;

	KafkaPath kafkaPath;

	@Test
	void measuresBatchIngestionAgainstTheFloorAndTheSqlBaselineThenTheTrickle() throws Exception {
		Path events = DIR.resolve("events-" + EVENTS + ".jsonl");
		Path copyText = DIR.resolve("events-" + EVENTS + ".copy");
		prepare(events, copyText);
		// With a small heap G1 runs a marking cycle every second of a batch (GC 1.8-3.0 µs per event, measured).
		if (java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() < 1L << 31) {
			log("the heap is not fixed at 2 GB or more: GC will weigh on (a); run with -DargLine=\"-Xms2g -Xmx2g\"");
		}
		SqlBaseline sql = new SqlBaseline(jdbc, data);
		noAutovacuumWhileTimed();
		warmUp();
		List<Double> kredo = new ArrayList<>();
		List<Double> floor = new ArrayList<>();
		List<Double> keyedFloor = new ArrayList<>();
		List<Double> baseline = new ArrayList<>();
		List<Double> kafka = new ArrayList<>();
		KafkaPath.Result kafkaResult = null;
		kafkaPath = KAFKA ? new KafkaPath(context, jdbc, json) : null;
		long signals = 0;
		long matches = 0;
		CpuMeter cpu = new CpuMeter(jdbc);
		CpuMeter.Cost[] costs = null;
		boolean statements = statementsTracked();
		for (int run = 1; run <= RUNS; run++) {
			jdbc.sql("truncate signal_events, signals, credit_events restart identity cascade").update();
			jdbc.sql("checkpoint").update();
			if (statements) {
				jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
			}
			Map<String, Long> maintenance = maintenance();
			long[] walBefore = wal();
			double brokerBefore = kafkaPath == null ? 0 : kafkaPath.brokerSeconds();
			CpuMeter.Sample before = cpu.sample();
			long start = System.nanoTime();
			IngestionReport report;
			// As a feed's push or a file is ingested: recorded as an upload with its counts (docs/credit-events.md, «Feeds»).
			try (InputStream in = Files.newInputStream(events)) {
				report = ingestion.ingest(in, ru.kredo.events.UploadSource.commandLine("benchmark"));
			}
			kredo.add(perSecond(report.accepted(), start));
			// CLOCK_MONOTONIC, as System.nanoTime() on Linux: `perf record -k CLOCK_MONOTONIC` then `perf report --time`.
			log("run %d: (a) ran from %.6f to %.6f s (monotonic)", run, start / 1e9, System.nanoTime() / 1e9);
			CpuMeter.Sample afterKredo = cpu.sample();
			double brokerDuringKredo = kafkaPath == null ? 0 : kafkaPath.brokerSeconds() - brokerBefore;
			long[] walAfterKredo = wal();
			logMaintenance(run, maintenance);
			assertThat(report.accepted()).isEqualTo(EVENTS);
			if (statements) {
				logStatements();
				logMatchingPlan();
			}
			signals = count("signals");
			matches = count("signal_events");
			CpuMeter.Sample beforeFloor = cpu.sample();
			long[] walBeforeFloor = wal();
			floor.add(sql.floor(copyText, EVENTS));
			CpuMeter.Sample afterFloor = cpu.sample();
			long[] walAfterFloor = wal();
			log("run %d: WAL written by (a): %s; by (b): %s", run, walSince(walBefore, walAfterKredo),
					walSince(walBeforeFloor, walAfterFloor));
			keyedFloor.add(sql.keyedFloor(copyText, EVENTS));
			CpuMeter.Sample afterKeyedFloor = cpu.sample();
			baseline.add(sql.baseline(copyText, EVENTS));
			CpuMeter.Sample afterBaseline = cpu.sample();
			costs = new CpuMeter.Cost[] { afterKredo.since(before, EVENTS), afterFloor.since(beforeFloor, EVENTS),
					afterKeyedFloor.since(afterFloor, EVENTS), afterBaseline.since(afterKeyedFloor, EVENTS) };
			log("run %d: (a) Kredo %.0f ev/s, %d signals from %d matches; (b) COPY %.0f ev/s; (b') COPY behind the unique key "
					+ "%.0f ev/s; (c) SQL %.0f ev/s (%d matches)", run, kredo.getLast(), signals, matches, floor.getLast(),
					keyedFloor.getLast(), baseline.getLast(), sql.matches());
			log("run %d: (a)/(b) %.2f, (a)/(b') %.2f, (a)/(c) %.2f", run, kredo.getLast() / floor.getLast(),
					kredo.getLast() / keyedFloor.getLast(), kredo.getLast() / baseline.getLast());
			log("run %d: CPU per event, JVM + PostgreSQL: (a) %s; (b) %s; (b') %s; (c) %s; load average %.1f", run, costs[0],
					costs[1], costs[2], costs[3],
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			log("run %d: (a)'s JVM CPU per event: %s", run, costs[0].jvmSplit());
			if (kafkaPath != null) {
				kafkaResult = measureKafkaPath(run, kafkaPath, events, cpu, kredo.getLast(), floor.getLast(), signals, matches,
						brokerDuringKredo);
				kafka.add(kafkaResult.perSecond());
			}
		}
		double[] latency = new TrickleLatency(jdbc, ingestion).measure(TRICKLE, BenchmarkData.WATCHED);
		report(median(kredo), median(floor), median(keyedFloor), median(baseline), signals, matches, latency, costs);
		if (kafkaPath != null) {
			reportKafka(median(kafka), median(kredo), median(floor), kafkaResult);
		}
	}

	// The consumer stopped and the broker shut down (its files deleted) however the benchmark ended.
	@AfterEach
	void stopKafka() {
		if (kafkaPath != null) {
			kafkaPath.close();
		}
	}

	// (d), after (a), (b), (b') and (c) of the same run, on the same events; the tables it fills are truncated before it
	// as before (a). The broker runs in this JVM: its threads' CPU is printed apart, and taken out of what Kredo spends.
	private KafkaPath.Result measureKafkaPath(int run, KafkaPath kafka, Path events, CpuMeter cpu, double kredo, double floor,
			long kredoSignals, long kredoMatches, double brokerDuringKredo) throws Exception {
		KafkaPath.Result result = kafka.measure(events, EVENTS, cpu, KAFKA_WARM_UP);
		assertThat(count("credit_events")).isEqualTo(EVENTS);
		long signals = count("signals");
		long matches = count("signal_events");
		// The same events against the same watches: each new event links to every watch it matches, in whatever order
		// and chunks it came.
		assertThat(matches).as("(d)'s matches against (a)'s").isEqualTo(kredoMatches);
		log("run %d: (d) published %,d events to the topic at %.0f ev/s (not counted in (d)), CPU per event %s, of the "
				+ "JVM's the broker's %.1f µs", run, EVENTS, result.publishingPerSecond(), result.publishingCost(),
				result.publishingThreads().broker());
		log("run %d: (d) Kafka path %.0f ev/s (from the consumer's partitions, %.0f ms after its start, to the last event "
				+ "stored), %d signals from %d matches ((a): %d from %d)", run, result.perSecond(), result.joinMillis(),
				signals, matches, kredoSignals, kredoMatches);
		log("run %d: (d)/(a) %.2f, (d)/(b) %.2f", run, result.perSecond() / kredo, result.perSecond() / floor);
		log("run %d: CPU per event, JVM + PostgreSQL: (d) %s, the broker's threads taken out %s", run, result.cost(),
				result.withoutBroker());
		log("run %d: (d)'s JVM CPU per event: %s; the broker (in this JVM, idle) during (a): %.2f µs", run,
				result.jvmSplit(), brokerDuringKredo * 1e6 / EVENTS);
		return result;
	}

	private void reportKafka(double kafka, double kredo, double floor, KafkaPath.Result last) throws Exception {
		String result = String.format("""
				(d) the Kafka path (embedded KRaft broker in this JVM, consumers: %s, max-poll-records: %s): median %,.0f ev/s, \
				(d)/(a) %.2f, (d)/(b) %.2f (medians); last run: CPU per event %s, the broker's threads taken out %s; \
				JVM: %s; publishing %,.0f ev/s
				""", context.getEnvironment().getProperty("kredo.events.kafka.consumers"),
				context.getEnvironment().getProperty("kredo.events.kafka.max-poll-records"), kafka, kafka / kredo,
				kafka / floor, last.cost(), last.withoutBroker(), last.jvmSplit(), last.publishingPerSecond());
		Files.writeString(DIR.resolve("results-kafka-" + Instant.now().toString().replace(':', '-') + ".md"), result);
		log("%n%s", result);
	}

	// The first run in a JVM would pay for JIT compilation; batches of other events first, not timed. A server that
	// ingests every day has long compiled the whole path, including what runs once per chunk or statement (a few
	// thousand times per million events): 400,000 events left the JIT compiling through the timed runs (1.0-4.7 µs
	// of CPU per event, measured), 1,200,000 still 0.6-2.2 µs (JFR: C2 spent 0.7-0.8 s each on JdbcTemplate.execute
	// and SignalRaising.raise during the runs), 3,000,000 0.3-1.2.
	private void warmUp() throws Exception {
		BureauSimulator bureau = new BureauSimulator(77, "bench-warm-up", BenchmarkData.WATCHED, BenchmarkData.STRANGERS,
				WATCHED_SHARE);
		EventLines writer = new EventLines(json);
		Instant from = Instant.now().minusSeconds(3_600);
		for (int done = 0; done < WARM_UP; done += 200_000) {
			StringBuilder lines = new StringBuilder();
			bureau.next(Math.min(200_000, WARM_UP - done), from, java.time.Duration.ofHours(1))
				.forEach(event -> lines.append(writer.line(event)).append('\n'));
			ingestion.ingest(new java.io.ByteArrayInputStream(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
	}

	private void prepare(Path events, Path copyText) throws Exception {
		Files.createDirectories(DIR);
		data = new BenchmarkData(dataSource, personalData, contacts, json);
		TenantId broker = tenant("Бенчмарк брокер", TenantKind.BROKER);
		TenantId collector = tenant("Бенчмарк ПКО", TenantKind.COLLECTOR);
		long brokerPeople = BenchmarkData.WATCHED.size() * 6 / 10;
		if (jdbc.sql("select count(*) from watches where status = 'ACTIVE'").query(Long.class).single() < BenchmarkData.WATCHED.size()) {
			long start = System.nanoTime();
			data.loadContacts(broker, collector, brokerPeople);
			jdbc.sql("""
					insert into watches (id, tenant_id, contact_id, segment, starts_on, ends_on, consent_given_on,
					    consent_purpose, consent_method, status, created_at, updated_at)
					select gen_random_uuid(), c.tenant_id, c.id, case when c.tenant_id = ? then 'DEBTOR'
					    else (array['IN_PROGRESS','PROSPECT','PREPARING','PAUSED','ACTIVE'])[1 + abs(hashtext(c.id::text)) % 5] end,
					    current_date - 30, current_date + 150, current_date - 30, 'бенчмарк', 'PAPER', 'ACTIVE', now(), now()
					from contacts c where c.tenant_id in (?, ?)""")
				.params(collector.value(), broker.value(), collector.value())
				.update();
			jdbc.sql("vacuum analyze contacts").update();
			jdbc.sql("vacuum analyze watches").update();
			log("set up %d contacts and active watches in %.1f s", BenchmarkData.WATCHED.size(), (System.nanoTime() - start) / 1e9);
		}
		if (!Files.exists(copyText)) {
			long start = System.nanoTime();
			BenchmarkData.writeEvents(events, EVENTS, WATCHED_SHARE, json);
			data.writeCopyText(events, copyText);
			log("generated %d events (%d MB of JSON Lines) in %.1f s", EVENTS, Files.size(events) >> 20,
					(System.nanoTime() - start) / 1e9);
		}
	}

	private TenantId tenant(String name, TenantKind kind) {
		return tenants.findByName(name).orElseGet(() -> tenants.create(name, kind)).id();
	}

	private void report(double kredo, double floor, double keyedFloor, double baseline, long signals, long matches,
			double[] latency, CpuMeter.Cost[] costs) throws Exception {
		Map<String, String> settings = jdbc.sql("""
				select name, setting || coalesce(unit, '') from pg_settings where name in ('server_version',
				'shared_buffers', 'work_mem', 'maintenance_work_mem', 'fsync', 'synchronous_commit', 'wal_level',
				'max_wal_size', 'full_page_writes', 'checkpoint_timeout', 'wal_buffers', 'wal_compression') order by name""")
			.query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
		String result = String.format("""
				| date | machine | events | about watched | runs | (a) Kredo ev/s | (b) COPY ev/s | (b') COPY behind the key ev/s | (c) SQL ev/s | (a)/(b) | (a)/(b') | signals (matches) | trickle p50 / p99 ms |
				|---|---|---|---|---|---|---|---|---|---|---|---|---|
				| %s | %d cores, %d GB heap, Java %s | %,d | %.0f%% | %d | %,.0f | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %,d (%,d) | %.1f / %.1f |

				CPU per event, JVM + PostgreSQL (last run): (a) %s; (b) %s; (b') %s; (c) %s

				PostgreSQL: %s
				""", LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 30,
				System.getProperty("java.version"), EVENTS, 100.0 * WATCHED_SHARE, RUNS, kredo, floor, keyedFloor, baseline,
				kredo / floor, kredo / keyedFloor, signals, matches, latency[0], latency[1], costs[0], costs[1], costs[2],
				costs[3], settings);
		Files.writeString(DIR.resolve("results-" + Instant.now().toString().replace(':', '-') + ".md"), result);
		log("%n%s", result);
	}

	// Every table a timed phase fills is emptied before it: autovacuum only ever cleaned up after one phase's rows while
	// another ran (1,000,000 rows of (b), (b') or (c) during the next run's (a), measured), and the CPU meter counts
	// every PostgreSQL process. Each path leaves the same debt, a vacuum per row stored, which no phase pays now.
	private void noAutovacuumWhileTimed() {
		for (String table : List.of("credit_events", "signals", "signal_events")) {
			jdbc.sql("alter table " + table + " set (autovacuum_enabled = false)").update();
		}
	}

	// Autovacuum and autoanalyze runs so far, per table: the CPU meter counts every PostgreSQL process, so a vacuum
	// during (a) is charged to (a), whichever table it cleans.
	private Map<String, Long> maintenance() {
		return jdbc.sql("select relname, autovacuum_count + autoanalyze_count from pg_stat_user_tables")
			.query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private void logMaintenance(int run, Map<String, Long> before) {
		String finished = maintenance().entrySet().stream()
			.filter(table -> table.getValue() > before.getOrDefault(table.getKey(), 0L))
			.map(table -> table.getKey() + " ×" + (table.getValue() - before.getOrDefault(table.getKey(), 0L)))
			.sorted()
			.collect(Collectors.joining(", "));
		String running = jdbc.sql("""
				select coalesce(string_agg(regexp_replace(query, '^autovacuum: ', ''), '; '), '')
				from pg_stat_activity where backend_type = 'autovacuum worker'""").query(String.class).single();
		log("run %d: autovacuum/autoanalyze finished during (a): %s; running at its end: %s", run,
				finished.isEmpty() ? "none" : finished, running.isEmpty() ? "none" : running);
	}

	// Where PostgreSQL's time in (a) goes, if the server loads pg_stat_statements (shared_preload_libraries; for the
	// embedded one, add the line to target/bench/data/postgres/postgresql.conf).
	private boolean statementsTracked() {
		boolean loaded = jdbc.sql("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'")
			.query(Boolean.class).single();
		if (loaded) {
			jdbc.sql("create extension if not exists pg_stat_statements").update();
		}
		return loaded;
	}

	private void logStatements() {
		jdbc.sql("""
				select calls, round(total_exec_time) as ms, round(max_exec_time) as max, rows,
				    regexp_replace(left(query, 90), '\\s+', ' ', 'g') as query
				from pg_stat_statements where query not like '%pg_stat_statements%'
				order by total_exec_time desc limit 12""")
			.query(row -> {
				log("  %6d calls %7d ms (longest %4d) %9d rows  %s", row.getLong("calls"), row.getLong("ms"),
						row.getLong("max"), row.getLong("rows"), row.getString("query"));
			});
	}

	// The plan of the matching query (Watches.activeFor) for a chunk's worth of candidates: 130 watched people's keys.
	private void logMatchingPlan() {
		jdbc.sql("""
				explain (analyze, buffers, costs off)
				select w.*, c.last_name, c.first_name, c.middle_name, c.passport_index, c.name_dob_index, l.name as list_name
				from contacts c join watches w on w.contact_id = c.id and w.status = 'ACTIVE'
				left join monitoring_lists l on l.id = w.list_id
				where c.passport_index = any(array(select passport_index from contacts tablesample system (1)
				        where passport_index is not null limit 130))
				   or c.name_dob_index = any(array(select name_dob_index from contacts tablesample system (1) limit 130))""")
			.query(row -> {
				log("  %s", row.getString(1));
			});
	}

	// The server's WAL so far (pg_stat_wal: records, full-page images, bytes, writes forced by full WAL buffers) and checkpoints (PostgreSQL 17+:
	// pg_stat_checkpointer; -1 before). With full_page_writes on, the first change to a page after a checkpoint writes
	// the whole page; the run starts with a checkpoint, so every index page (a) touches costs one. Statistics are
	// flushed by each backend at most once a second: a phase's figures may be a second late.
	private long[] wal() {
		jdbc.sql("select pg_stat_force_next_flush()").query().singleValue();
		long[] wal = jdbc.sql("select wal_records, wal_fpi, wal_bytes, wal_buffers_full from pg_stat_wal")
			.query((row, n) -> new long[] { row.getLong(1), row.getLong(2), row.getLong(3), -1, row.getLong(4) })
			.single();
		try {
			wal[3] = jdbc.sql("select num_timed + num_requested from pg_stat_checkpointer").query(Long.class).single();
		}
		catch (RuntimeException olderServer) {
			// before PostgreSQL 17 the checkpoints are in pg_stat_bgwriter; the figure is left out
		}
		return wal;
	}

	private static String walSince(long[] before, long[] after) {
		return String.format("%,d records, %,d full-page images, %,d MB, %,d times the WAL buffers were full, %s checkpoints",
				after[0] - before[0], after[1] - before[1], (after[2] - before[2]) >> 20, after[4] - before[4],
				after[3] < 0 ? "?" : Long.toString(after[3] - before[3]));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	static double perSecond(long events, long startNanos) {
		return events / ((System.nanoTime() - startNanos) / 1e9);
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	static void log(String format, Object... args) {
		System.out.println("[bench] " + String.format(format, args));
	}
}
