package ru.kredo.platform;

/**
 * A window of a list as a request asks for it, made safe: a page number or an offset is never negative and never so
 * large that {@code page × size} overflows (which PostgreSQL answered with an error), and a limit stays within what the
 * endpoint allows. Out-of-range values are clamped, not refused: a page past the end is simply empty
 * ({@code docs/configuration.md}, "Paging").
 */
public record Paging(int offset, int limit) {

	/** No list in Kredo is read this deep; it keeps {@code offset + limit + 1} far from overflowing an {@code int}. */
	public static final int MAX_OFFSET = 1_000_000_000;

	public Paging {
		if (offset < 0 || offset > MAX_OFFSET || limit < 1 || limit > MAX_OFFSET) {
			throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
		}
	}

	/** Page {@code number} (from 0) of {@code size} rows; a negative page is the first, a huge one the deepest allowed. */
	public static Paging page(int number, int size) {
		if (size < 1 || size > MAX_OFFSET) {
			throw new IllegalArgumentException("size " + size);
		}
		int page = Math.clamp(number, 0, MAX_OFFSET / size);
		return new Paging(page * size, size);
	}

	/** An API's {@code offset} and {@code limit}: offset from 0 to {@link #MAX_OFFSET}, limit from 1 to {@code maxLimit}. */
	public static Paging window(int offset, int limit, int maxLimit) {
		return new Paging(Math.clamp(offset, 0, MAX_OFFSET), Math.clamp(limit, 1, maxLimit));
	}

	/** The page number (from 0) this window is, for a page's "previous" and "next" links. */
	public int number() {
		return offset / limit;
	}
}
