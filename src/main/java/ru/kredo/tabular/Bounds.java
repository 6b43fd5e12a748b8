package ru.kredo.tabular;

import java.util.List;

import ru.kredo.platform.Rejected;

/**
 * The limits a reader checks on every row it reads: how many rows (empty ones too), how long the import has run, how
 * many columns a row has and how long a cell is. Each refusal names the line it stopped at.
 */
final class Bounds {

	/** The clock is read once every so many rows: cheap, and a row never takes long. */
	private static final int CLOCK_EVERY = 256;

	private final ImportLimits limits;
	private final long started = System.nanoTime();
	private long rows;

	Bounds(ImportLimits limits) {
		this.limits = limits;
	}

	ImportLimits limits() {
		return limits;
	}

	/** When the import's {@link ImportLimits#maxDuration} runs out, in {@link System#nanoTime()}. */
	long deadline() {
		return started + limits.maxDuration().toNanos();
	}

	/** Counts a row read from the file, with or without text. */
	void row() {
		rows++;
		if (rows > limits.maxRows()) {
			throw new Rejected("import.too-many-rows", limits.maxRows());
		}
		if (rows % CLOCK_EVERY == 0 && System.nanoTime() - started > limits.maxDuration().toNanos()) {
			throw new Rejected("import.too-slow", Math.max(1, limits.maxDuration().toMinutes()));
		}
	}

	void columns(long line, int columns) {
		if (columns > limits.maxColumns()) {
			throw new Rejected("import.too-many-columns", line, limits.maxColumns());
		}
	}

	void cells(long line, List<String> values) {
		columns(line, values.size());
		for (String value : values) {
			cell(line, value);
		}
	}

	void cell(long line, String value) {
		if (value.length() > limits.maxCellLength()) {
			throw new Rejected("import.cell-too-long-at", line, limits.maxCellLength());
		}
	}
}
