package ru.kredo.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What every list of {@code /api/v1} answers (issue 15, «Lists»; {@code docs/api-lists.md}): a page of {@code items}, how
 * many rows the whole list (as filtered) has, and the {@code cursor} of the next page, {@code null} on the last one.
 * The rows come in a stable order ending with a unique key (a time and an id, {@link Cursor}), so that walking the
 * pages gives every row once, even while rows are added. One shape for every list, so that a client reads them all
 * alike; the contract test {@code ApiListsContractIntegrationTests} refuses an endpoint that answers a bare array.
 *
 * @param total how many rows the filter keeps in all; exact unless {@code totalIsEstimate}
 * @param totalIsEstimate {@code true} where counting exactly would cost too much and {@code total} is PostgreSQL's
 *            estimate (no list of Kredo estimates today: every {@code total} is counted)
 * @param nextCursor pass it back as {@code cursor} for the next page; {@code null}: this is the last page
 */
@Schema(description = "A page of a list: its items, how many there are in all, and the cursor of the next page")
public record ApiList<T>(List<T> items, long total, boolean totalIsEstimate,
		@Schema(nullable = true, description = "`cursor` of the next page; null on the last page") String nextCursor) {

	/** How many rows a page gives when the caller does not say ({@code limit}). */
	public static final int DEFAULT_LIMIT = 100;

	private static final String POSITION = "position:";

	public ApiList {
		items = List.copyOf(items);
	}

	/** A page with an exact total. */
	public static <T> ApiList<T> of(List<T> items, long total, String nextCursor) {
		return new ApiList<>(items, total, false, nextCursor);
	}

	/** A list that is never long (a fixed table, a set of types): all of it, one page. */
	public static <T> ApiList<T> whole(List<T> items) {
		return of(items, items.size(), null);
	}

	/**
	 * Lists that were paged by {@code offset} before issue 15 refuse it now with {@code request.offset-replaced} (400),
	 * naming the cursor: their order changed to the cursor's, so an offset would silently give other rows.
	 */
	public static void refuseOffset(Integer offset) {
		if (offset != null) {
			throw new Rejected("request.offset-replaced");
		}
	}

	/**
	 * Where a list whose order is not a time and an id (the inbox: waiting first, then the latest) starts its page: the
	 * position a cursor of {@link #positional} carries, else {@code offset}. Such a cursor marks a position in a stable
	 * order (it ends with the row's id), so a row added ahead of it while a client walks the pages shifts the next page
	 * by one ({@code docs/api-lists.md}, «Cursors»).
	 */
	public static int position(String cursor, int offset) {
		if (cursor == null || cursor.isBlank()) {
			return Math.clamp(offset, 0, Paging.MAX_OFFSET);
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
			if (!plain.startsWith(POSITION)) {
				throw new Rejected("request.cursor-invalid");
			}
			int position = Integer.parseInt(plain.substring(POSITION.length()));
			if (position < 0 || position > Paging.MAX_OFFSET) {
				throw new Rejected("request.cursor-invalid");
			}
			return position;
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("request.cursor-invalid");
		}
	}

	/** The page a list read by position gave (see {@link #position}), its next page's cursor the position after it. */
	public static <T, R> ApiList<R> positional(ListPage<T> page, Function<T, R> item) {
		String next = page.hasNext() ? Base64.getUrlEncoder().withoutPadding()
			.encodeToString((POSITION + (page.paging().offset() + page.size())).getBytes(StandardCharsets.UTF_8)) : null;
		return of(page.items().stream().map(item).toList(), page.total(), next);
	}

	/** The caller's {@code limit}, between 1 and {@code max}. */
	public static int limit(int requested, int max) {
		return Math.clamp(requested, 1, max);
	}

	/**
	 * The page from rows read with keyset paging: {@code rows} are up to {@code limit + 1} rows after the cursor in the
	 * list's order; the extra one only says there is a next page, whose cursor is the key of the last row shown.
	 */
	public static <T, R> ApiList<R> keyset(List<T> rows, int limit, Function<T, Cursor> key, long total,
			Function<T, R> item) {
		boolean more = rows.size() > limit;
		List<T> shown = more ? rows.subList(0, limit) : rows;
		return of(shown.stream().map(item).toList(), total, more ? key.apply(shown.getLast()).encode() : null);
	}

	/**
	 * The page of a short list read whole (users, keys, lists: a few dozen rows at most): ordered by its key, oldest
	 * first or newest first, the rows after {@code cursor}.
	 */
	public static <T, R> ApiList<R> slice(List<T> all, Function<T, Cursor> key, boolean newestFirst, String cursor,
			int limit, Function<T, R> item) {
		Comparator<Cursor> order = Comparator.comparing(Cursor::at).thenComparing(Cursor::id);
		if (newestFirst) {
			order = order.reversed();
		}
		Comparator<Cursor> byKey = order;
		Cursor after = Cursor.decode(cursor);
		List<T> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparing(key, byKey));
		List<T> rest = after == null ? sorted
				: sorted.stream().filter(row -> byKey.compare(key.apply(row), after) > 0).toList();
		return keyset(rest.subList(0, Math.min(rest.size(), limit + 1)), limit, key, all.size(), item);
	}
}
