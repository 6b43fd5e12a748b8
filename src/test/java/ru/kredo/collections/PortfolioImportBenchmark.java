package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.internal.PortfolioDefaults;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImporting;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.contacts.Contacts;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.money.Money;
import ru.kredo.tabular.ImportSpool;
import ru.kredo.tabular.ImportStatus;
import ru.kredo.tenancy.TenantKind;

/**
 * Times a whole registry upload of a generated file into a fresh agency. Not part of the normal runs (its name matches
 * neither *Tests nor *IntegrationTests); run it as docs/benchmarks.md (and its page under docs/bench/) says, e.g.
 * {@code ./mvnw verify -DskipUTs=true -Dit.test=PortfolioImportBenchmark -Dbenchmark.rows=100000 -Dbenchmark.format=xlsx}.
 */
@Tag("benchmark")
@IntegrationTest
// The generated file has a few percent of bad rows: all of them are to be reported, however many rows it has.
@TestPropertySource(properties = "kredo.imports.max-rejected-rows=1000000")
class PortfolioImportBenchmark {

	@Autowired
	Fixtures fixtures;

	@Autowired
	PortfolioImporting importing;

	@Autowired
	PortfolioImports imports;

	@Autowired
	ImportSpool spool;

	@Autowired
	Debts debts;

	@Autowired
	Contacts contacts;

	@Autowired
	Offers offers;

	@Test
	void importsAGeneratedRegistry() throws Exception {
		int rows = Integer.getInteger("benchmark.rows", 100_000);
		String format = System.getProperty("benchmark.format", "cp1251");
		// A second pass uploads the same file again: every debt is found and updated, none is added.
		int passes = Integer.getInteger("benchmark.passes", 1);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		// -Dbenchmark.offer-rule=true: the agency has a discount rule, so every batch also makes its debts' offers.
		if (Boolean.getBoolean("benchmark.offer-rule")) {
			offers.addRule(agency.tenant().id(), "Всем от 100 дней", 100, Money.ZERO, 10, 30, PartPolicy.IN_FULL);
		}
		long debtsAfterFirst = 0;
		for (int pass = 1; pass <= passes; pass++) {
			PortfolioImport done = importOnce(agency, rows, format, pass);
			assertThat(done.status()).isEqualTo(ImportStatus.DONE);
			assertThat(done.total()).isEqualTo(rows);
			assertThat(done.rejected()).isBetween(rows / 100L, rows / 25L);
			assertThat(done.stored() + done.rejected()).isEqualTo(rows);
			long stored = debts.count(agency.tenant().id());
			long people = contacts.count(agency.tenant().id());
			report("pass %d: %,d debts of %,d debtors in the agency", pass, stored, people);
			assertThat(stored).isEqualTo(done.stored());
			if (pass == 1) {
				debtsAfterFirst = stored;
				assertThat(done.created()).isEqualTo(stored);
			}
			else {
				assertThat(stored).isEqualTo(debtsAfterFirst);
				assertThat(done.updated()).isEqualTo(stored);
			}
		}
	}

	private PortfolioImport importOnce(Provisioned agency, int rows, String format, int pass) throws Exception {
		Path file = spool.newFile();
		long generating = System.nanoTime();
		PortfolioFileGenerator.write(file, rows, format);
		report("pass %d: generated %,d rows (%s, %.1f MB) in %.1f s", pass, rows, format, Files.size(file) / 1e6,
				seconds(generating));
		long started = System.nanoTime();
		PortfolioImport running = importing.start(agency.tenant().id(), "benchmark", "Бенчмарк",
				"registry." + (format.equalsIgnoreCase("xlsx") ? "xlsx" : "csv"), file, PortfolioDefaults.none());
		await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			PortfolioImport now = imports.get(agency.tenant().id(), running.id());
			report("%5.0f s: %3d%%, %,d rows read", seconds(started), now.percent(), now.total());
			return !now.isRunning();
		});
		PortfolioImport done = imports.get(agency.tenant().id(), running.id());
		// From the import's own start and end, not from the polling above, which only looks every two seconds.
		double took = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
		report("pass %d: imported %,d rows in %.1f s (%,.0f rows/s): %,d debts new, %,d updated, %,d rejected, "
				+ "%,d debtors", pass, done.total(), took, done.total() / took, done.created(), done.updated(),
				done.rejected(), done.debtors());
		return done;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void report(String format, Object... args) {
		System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
	}
}
