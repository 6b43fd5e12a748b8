package ru.kredo.tabular;

/**
 * Which character separates the columns: the one of {@code ;}, {@code ,} and tab that occurs most often outside
 * quotes in the header line. A tie or a one-column file goes to {@code ;}, which Russian Excel writes.
 */
final class Separator {

	private static final char[] CANDIDATES = { ';', '\t', ',' };

	private Separator() {
	}

	static char detect(String headerLine) {
		int[] counts = new int[CANDIDATES.length];
		boolean quoted = false;
		for (int i = 0; i < headerLine.length(); i++) {
			char c = headerLine.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				for (int k = 0; k < CANDIDATES.length; k++) {
					if (c == CANDIDATES[k]) {
						counts[k]++;
					}
				}
			}
		}
		int best = 0;
		for (int k = 1; k < CANDIDATES.length; k++) {
			if (counts[k] > counts[best]) {
				best = k;
			}
		}
		return CANDIDATES[best];
	}
}
