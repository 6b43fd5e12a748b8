package ru.kredo.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.kredo.platform.Rejected;

/**
 * What every import of an uploaded table does around its own rows: refuses the file at once, or starts it; reads it in
 * the background and ends its record as DONE, as FAILED with the reason a refusal gives, or as FAILED
 * ({@code import.failed}) on anything else; and deletes the spooled file however it ends, since it holds personal data
 * in the clear. Monitoring lists and debt registries differ only in their rows.
 */
public final class SpooledImport {

	private static final Logger log = LoggerFactory.getLogger(SpooledImport.class);

	private SpooledImport() {
	}

	/** How an import's record is ended. */
	@FunctionalInterface
	public interface Finish {

		void finish(ImportStatus status, String failureCode, List<String> failureArguments);
	}

	/** Reads the whole file, storing as it goes; says what it did, for the log. */
	@FunctionalInterface
	public interface Rows {

		String read(TabularFile file) throws IOException;
	}

	/** Checks a file before it is taken on; returns what was started, or throws. */
	@FunctionalInterface
	public interface Start<T> {

		T start() throws IOException;
	}

	/**
	 * Runs {@code start} (checks, the import's record, handing {@link #run} to a background thread); if it refuses or
	 * fails, the spooled file is deleted at once.
	 */
	public static <T> T start(ImportSpool spool, Path file, Start<T> start) {
		try {
			return start.start();
		}
		catch (IOException ex) {
			spool.delete(file);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			spool.delete(file);
			throw ex;
		}
	}

	/** Reads the file's rows in the background thread that calls it, ends the record and deletes the file. */
	public static void run(ImportSpool spool, Path file, Predicate<List<String>> looksLikeHeader, Supplier<String> name,
			Finish finish, Rows rows) {
		run(spool, file, looksLikeHeader, ImportLimits.DEFAULTS, name, finish, rows);
	}

	/**
	 * Reads the file's rows within {@code limits} in the background thread that calls it, ends the record and deletes
	 * the file. Nothing escapes it: whatever is thrown, an {@link Error} too, ends the import as FAILED and leaves the
	 * thread (and the server) as it was.
	 */
	public static void run(ImportSpool spool, Path file, Predicate<List<String>> looksLikeHeader, ImportLimits limits,
			Supplier<String> name, Finish finish, Rows rows) {
		try (TabularFile table = TabularFile.open(file, looksLikeHeader, limits)) {
			String done = rows.read(table);
			finish.finish(ImportStatus.DONE, null, List.of());
			log.info("{} done: {}", name.get(), done);
		}
		catch (Rejected rejected) {
			finish.finish(ImportStatus.FAILED, rejected.code(), Arrays.stream(rejected.arguments()).map(String::valueOf).toList());
		}
		catch (IOException | RuntimeException | Error ex) {
			log.error("{} failed", name.get(), ex);
			try {
				finish.finish(ImportStatus.FAILED, "import.failed", List.of());
			}
			catch (RuntimeException | Error notEnded) {
				// Left RUNNING, it reads as interrupted once its heartbeat stops (ImportRuns).
				log.error("{} could not be ended", name.get(), notEnded);
			}
		}
		finally {
			spool.delete(file);
		}
	}
}
