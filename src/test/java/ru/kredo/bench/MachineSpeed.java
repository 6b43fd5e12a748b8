package ru.kredo.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the machine is at the moment of a run, by two fixed pieces of work that do not depend on Kredo's code: one
 * Java thread hashing 64 MiB with SHA-256, and PostgreSQL summing 3,000,000 generated rows, each the best of five.
 * The machine is a shared virtual one whose speed drifts through the day (the same commit made 1,191 pages/s at 13:19
 * and 640 at 23:50 on 06.12.2026): a result is read beside these two numbers, and results are compared only where they
 * are close.
 */
public record MachineSpeed(double sha256MegabytesPerSecond, double postgresSumMillis) {

	private static final int BYTES = 64 << 20;
	private static final int TRIES = 5;

	/** Measured now, with nothing else of the benchmark running. */
	public static MachineSpeed measure(JdbcClient jdbc) {
		byte[] data = new byte[BYTES];
		ThreadLocalRandom.current().nextBytes(data);
		long bestHash = Long.MAX_VALUE;
		long bestSum = Long.MAX_VALUE;
		for (int i = 0; i < TRIES; i++) {
			long started = System.nanoTime();
			sha256(data);
			bestHash = Math.min(bestHash, System.nanoTime() - started);
			started = System.nanoTime();
			jdbc.sql("select sum(g) from generate_series(1, 3000000) g").query(Long.class).single();
			bestSum = Math.min(bestSum, System.nanoTime() - started);
		}
		return new MachineSpeed(BYTES / 1e6 / (bestHash / 1e9), bestSum / 1e6);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "machine speed: SHA-256 %.0f MB/s in one Java thread, PostgreSQL's sum of "
				+ "3,000,000 rows %.0f ms (best of %d)", sha256MegabytesPerSecond, postgresSumMillis, TRIES);
	}
}
