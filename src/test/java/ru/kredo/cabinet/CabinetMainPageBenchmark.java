package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import ru.kredo.bench.ClosedLoop;
import ru.kredo.bench.MachineSpeed;
import ru.kredo.bench.CpuTime;
import ru.kredo.cabinet.BenchmarkSignIns.SignedIn;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.contacts.Contacts;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's main page under load: an agency with {@code bench.debtors} debtors, {@code bench.sessions} of them
 * signed in through the real door, and {@code bench.clients} clients asking for their home pages over real HTTP in a
 * closed loop, each request another debtor's page, each answer checked (200, his name, his contracts). The load
 * generator runs in this JVM, on the same cores as the application and PostgreSQL. Not part of the build: its name
 * matches neither test pattern. Run it as docs/benchmarks.md (and its page under docs/bench/) says:
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=CabinetMainPageBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kredo.data-directory=target/bench/cabinet", "kredo.demo=false", "kredo.simulator.enabled=false",
		// As in production; the test profile re-reads templates on every request.
		"spring.thymeleaf.cache=true",
		// The load generator stands for a proxy on this machine: each debtor's own address comes in X-Forwarded-For,
		// which Kredo believes only from a trusted proxy.
		"kredo.trusted-proxies=127.0.0.1",
		// One process's default (memory); -Dbench.sessions=database measures the store several nodes share.
		"kredo.sessions.store=${bench.sessions:memory}" })
@ActiveProfiles("test")
class CabinetMainPageBenchmark {

	static final int DEBTORS = Integer.getInteger("bench.debtors", 100_000);
	static final int SESSIONS = Integer.getInteger("bench.sessions", 500);
	static final int CLIENTS = Integer.getInteger("bench.clients", 16);
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 20);
	static final int WARM_UP_MAX = Integer.getInteger("bench.warm-up-max", 120);
	static final int SECONDS = Integer.getInteger("bench.seconds", 30);
	static final boolean VIRTUAL_CLIENTS = Boolean.getBoolean("bench.virtual-clients");
	/** {@code home} (the default): the main page; {@code debt}: the page of each debtor's first debt. */
	static final String PAGE = System.getProperty("bench.page", "home");
	static final Path DIR = Path.of("target/bench");
	static final Path POSTMASTER = DIR.resolve("cabinet/postgres/postmaster.pid");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	PersonalData personalData;

	@Test
	void servesSignedInDebtorsTheirMainPage() throws Exception {
		TenantId agency = agencyWithDebtors();
		long signingIn = System.nanoTime();
		List<SignedIn> sessions = new BenchmarkSignIns("127.0.0.1", port, jdbc, personalData, contacts, debts)
			.signIn(agency, randomDebtors());
		log("signed in %,d debtors through the door in %.1f s", sessions.size(), seconds(signingIn));

		AtomicReference<Snapshot> windowStart = new AtomicReference<>();
		ClosedLoop.Result result = ClosedLoop.run("127.0.0.1", port, CLIENTS, VIRTUAL_CLIENTS, (connection, n) -> {
			SignedIn debtor = sessions.get((int) (n % sessions.size()));
			if ("debt".equals(PAGE)) {
				var page = connection.send(debtor.debtPage());
				return page.status() == 200 && debtor.seesHisDebt(page.text());
			}
			var page = connection.send(debtor.home());
			return page.status() == 200 && debtor.sees(page.text());
		}, new JitQuiet(), Duration.ofSeconds(SECONDS), () -> windowStart.set(snapshot()));
		Snapshot windowEnd = snapshot();
		report(result, windowStart.get(), windowEnd, MachineSpeed.measure(jdbc));
		assertThat(result.firstErrors()).isEmpty();
		assertThat(result.errors()).isZero();
	}

	/** The agency of this many debtors; made on the first run and kept under target/bench/cabinet for the next. */
	private TenantId agencyWithDebtors() throws Exception {
		String name = "ПКО «Бенчмарк кабинета, %d»".formatted(DEBTORS);
		var existing = tenants.findByName(name);
		if (existing.isPresent()) {
			if (offers.rules(existing.get().id()).isEmpty()) {
				throw new IllegalStateException("the debtors of an earlier run are incomplete: delete target/bench/cabinet");
			}
			return existing.get().id();
		}
		TenantId agency = tenants.create(name, TenantKind.COLLECTOR).id();
		long started = System.nanoTime();
		new BenchmarkDebtors(jdbc, contacts, offers).load(agency, DEBTORS);
		log("loaded %,d debtors, %,d debts, %,d offers, %,d payments in %.1f s", contacts.count(agency),
				count("debts", agency), count("offers", agency), count("debt_payments", agency), seconds(started));
		return agency;
	}

	/** Distinct debtors at random, others on each run (a phone gets at most five codes an hour). */
	private static List<Integer> randomDebtors() {
		Random random = new Random();
		Set<Integer> picked = new LinkedHashSet<>();
		while (picked.size() < Math.min(SESSIONS, DEBTORS)) {
			picked.add(random.nextInt(DEBTORS));
		}
		List<Integer> debtors = new ArrayList<>(picked);
		Collections.shuffle(debtors, random);
		return debtors;
	}

	private void report(ClosedLoop.Result r, Snapshot start, Snapshot end, MachineSpeed machine) throws Exception {
		double pages = r.requests();
		double elapsed = end.nanos() - start.nanos();
		long jvm = end.jvmCpu() - start.jvmCpu();
		long database = end.databaseCpu() - start.databaseCpu();
		long others = end.machine().busyNanos() - start.machine().busyNanos() - jvm - database;
		String line = String.format(Locale.ROOT, """
				cabinet %s: %,d debtors, %d sessions, %d %s clients, warm-up %d s, measured %.0f s: %,.0f pages/s, \
				p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d of %,d
				  per page: CPU %.2f ms in this JVM (server and load generator) + %.2f ms in PostgreSQL, \
				%.1f database transactions
				  cores used: this JVM %.2f, PostgreSQL %.2f, other processes %.2f, stolen %.2f; JIT compiling %.1f s; \
				load average (1, 5, 15 min) %s at the start, %s at the end
				  %s, right after the window""",
				"debt".equals(PAGE) ? "debt page" : "home", DEBTORS, SESSIONS, CLIENTS, VIRTUAL_CLIENTS ? "virtual-thread" : "platform-thread", r.warmUp().toSeconds(),
				r.seconds(), r.throughput(), r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99),
				r.maxMillis(), r.errors(), r.requests(), jvm / 1e6 / pages, database / 1e6 / pages,
				(end.transactions() - start.transactions()) / pages, jvm / elapsed, database / elapsed,
				Math.max(0, others) / elapsed, (end.machine().stolenNanos() - start.machine().stolenNanos()) / elapsed,
				(end.jitMillis() - start.jitMillis()) / 1e3, start.loadAverage(), end.loadAverage(), machine);
		log("%s", line);
		r.firstErrors().forEach(error -> log("error: %s", error));
		Files.createDirectories(DIR);
		Files.writeString(DIR.resolve("cabinet-" + Instant.now().toString().replace(':', '-') + ".txt"), line + "\n");
	}

	/** The counters a measured window is the difference of. */
	private record Snapshot(long nanos, long jvmCpu, long databaseCpu, CpuTime.Machine machine, long transactions,
			long jitMillis, String loadAverage) {
	}

	private Snapshot snapshot() {
		return new Snapshot(System.nanoTime(), processCpuNanos(), CpuTime.ofProcessTreeNanos(POSTMASTER),
				CpuTime.ofMachine(), transactions(), jitMillis(), loadAverage());
	}

	/**
	 * The warm-up lasts {@code bench.warm-up} seconds and then until the JIT compiler has spent less than 2% of the last
	 * ten seconds compiling, or {@code bench.warm-up-max} seconds: on a busy machine compiling the page's code takes
	 * long, and a window measured before it ends measures half-compiled code (five quiet seconds were not enough: C2
	 * went on recompiling for seconds of the window).
	 */
	private static final class JitQuiet implements ClosedLoop.WarmUp {

		private final Deque<Long> compiled = new ArrayDeque<>();

		@Override
		public boolean done(Duration elapsed) {
			compiled.addLast(jitMillis());
			if (compiled.size() > 11) {
				compiled.removeFirst();
			}
			boolean quiet = compiled.size() == 11 && compiled.getLast() - compiled.getFirst() < 200;
			return elapsed.toSeconds() >= WARM_UP && quiet || elapsed.toSeconds() >= WARM_UP_MAX;
		}
	}

	private static long jitMillis() {
		return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	/** The 1-, 5- and 15-minute load averages, as {@code uptime} shows them; they count this benchmark too. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (Exception ex) {
			return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private long transactions() {
		return jdbc.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
			.query(Long.class).single();
	}

	private long count(String table, TenantId agency) {
		return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(agency.value()).query(Long.class).single();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void log(String format, Object... args) {
		System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
	}
}
