package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contacts;
import ru.kredo.monitoring.internal.ImportDefaults;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.tabular.ImportSpool;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.monitoring.internal.ListImporting;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * Times a whole mass import of a generated file into a fresh tenant. Not part of the normal runs (its name matches
 * neither *Tests nor *IntegrationTests); run it as docs/benchmarks.md (and its page under docs/bench/) says, e.g.
 * {@code ./mvnw verify -DskipUTs=true -Dit.test=ListImportBenchmark -Dbenchmark.rows=1000000 -Dbenchmark.encoding=utf8}.
 */
@Tag("benchmark")
@IntegrationTest
// The generated file has a few percent of bad rows: all of them are to be reported, however many rows it has.
@TestPropertySource(properties = "kredo.imports.max-rejected-rows=1000000")
class ListImportBenchmark {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ListImporting importing;

	@Autowired
	ImportRecords imports;

	@Autowired
	ImportSpool spool;

	@Autowired
	Watches watches;

	@Autowired
	Contacts contacts;

	@Test
	void importsAGeneratedContactBase() throws Exception {
		int rows = Integer.getInteger("benchmark.rows", 15_000);
		String encoding = System.getProperty("benchmark.encoding", "cp1251");
		// A second pass uploads the same file again: the re-upload path, where everyone is found and updated.
		int passes = Integer.getInteger("benchmark.passes", 1);
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		for (int pass = 1; pass <= passes; pass++) {
			ListImport done = importOnce(tenant, rows, encoding, pass);
			assertThat(done.status()).isEqualTo(ImportStatus.DONE);
			assertThat(done.total()).isEqualTo(rows);
			assertThat(done.rejected()).isBetween(rows / 50L, rows / 20L);
			long people = contacts.count(tenant.tenant().id());
			long watched = watches.count(tenant.tenant().id(), WatchStatus.ACTIVE);
			report("pass %d: %,d contacts, %,d active watches", pass, people, watched);
			// One watch per person, however many rows named him and however many times the file came.
			assertThat(watched).isEqualTo(people).isLessThanOrEqualTo(done.imported());
		}
	}

	private ListImport importOnce(Provisioned tenant, int rows, String encoding, int pass) throws Exception {
		Path file = spool.newFile();
		long generating = System.nanoTime();
		ContactFileGenerator.write(file, rows, encoding);
		report("pass %d: generated %,d rows (%s, %.1f MB) in %.1f s", pass, rows, encoding, Files.size(file) / 1e6,
				seconds(generating));
		long started = System.nanoTime();
		ListImport running = importing.start(tenant.tenant().id(), "benchmark", "Бенчмарк", "base.csv", file,
				new ImportDefaults(Segment.PROSPECT, 6, LocalDate.now(), "Подбор кредита", ConsentMethod.PAPER));
		await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			ListImport now = imports.get(tenant.tenant().id(), running.id());
			report("%5.0f s: %3d%%, %,d rows read", seconds(started), now.percent(), now.total());
			return !now.isRunning();
		});
		ListImport done = imports.get(tenant.tenant().id(), running.id());
		// From the import's own start and end, not from the polling above, which only looks every two seconds.
		double took = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
		report("pass %d: imported %,d rows in %.1f s (%,.0f rows/s): %,d watched, %,d rejected, %,d awaiting consent",
				pass, done.total(), took, done.total() / took, done.imported(), done.rejected(), done.awaitingConsent());
		return done;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void report(String format, Object... args) {
		System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
	}
}
