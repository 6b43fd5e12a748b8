package ru.kredo.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What every list of {@code /api/v1} answers (issue 15, «Lists»; {@code docs/api-lists.md}): a page of {@code items}, how
 * many rows the whole list (as filtered) has, and the {@code cursor} of the next page, {@code null} on the last one.
 * The rows come in a stable order ending with a unique key (a time and an id, {@link Cursor}, or the keys of the
 * inbox's order, {@link Keyset}), so that walking the pages gives every row once, even while rows are added. One shape for every list, so that a client reads them all
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
	 * The page from rows read after a {@link Keyset} cursor (lists ordered by several keys, such as the inbox): as
	 * {@link #keyset}, the next page's cursor the keys of the last row shown.
	 */
	public static <T> ApiList<T> keyed(List<T> rows, int limit, Function<T, Keyset> key, long total) {
		boolean more = rows.size() > limit;
		List<T> shown = more ? rows.subList(0, limit) : rows;
		return of(shown, total, more ? key.apply(shown.getLast()).encode() : null);
	}

	/** The same page with each item turned into what the API shows of it. */
	public <R> ApiList<R> map(Function<T, R> item) {
		return new ApiList<>(items.stream().map(item).toList(), total, totalIsEstimate, nextCursor);
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
