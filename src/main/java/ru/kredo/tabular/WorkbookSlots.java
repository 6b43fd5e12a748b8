package ru.kredo.tabular;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ru.kredo.platform.Rejected;

/**
 * How many workbooks this process reads at once: one per gigabyte of the heap, at least one. The Excel reader holds a
 * workbook's shared strings and cell formats while it reads it (up to about three times
 * {@link ImportLimits#maxSharedStrings}, 128 MB by default), and every upload — each list name, each portfolio, each
 * API call — starts a reader of its own: a 14 MB workbook held 352 MB while read, so twenty at once would hold 7 GB. A
 * workbook that finds no free slot waits its turn, in the order they came, up to its import's deadline
 * ({@code import.too-slow}). CSV files hold one row at a time and never wait.
 */
final class WorkbookSlots {

	static final int SLOTS = (int) Math.max(1, Runtime.getRuntime().maxMemory() >> 30);

	private static final Semaphore FREE = new Semaphore(SLOTS, true);

	private WorkbookSlots() {
	}

	/** Takes a slot, waiting until {@code deadline} ({@link System#nanoTime()}) at most. */
	static void take(long deadline, ImportLimits limits) {
		try {
			if (!FREE.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				throw new Rejected("import.too-slow", Math.max(1, limits.maxDuration().toMinutes()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Rejected("import.too-slow", Math.max(1, limits.maxDuration().toMinutes()));
		}
	}

	static void give() {
		FREE.release();
	}

	/** Slots free now: for tests. */
	static int free() {
		return FREE.availablePermits();
	}
}
