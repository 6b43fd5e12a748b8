package ru.kredo.platform;

import java.util.Iterator;
import java.util.List;

/**
 * One page of a list as a page shows it: its rows, how many rows the whole list (as filtered) has, and the window it
 * is. Every staff list is paged with it and shows it with the one pager ({@code templates/fragments/pager.html}):
 * «Показано 101–200 из 1 029», previous and next.
 */
public record ListPage<T>(List<T> items, long total, Paging paging) implements Iterable<T> {

	public ListPage {
		items = List.copyOf(items);
		if (total < 0) {
			throw new IllegalArgumentException("total " + total);
		}
	}

	/** Rows already read for {@code paging} from a list of {@code total} rows. */
	public static <T> ListPage<T> of(List<T> items, long total, Paging paging) {
		return new ListPage<>(items, total, paging);
	}

	/** The window {@code paging} of a short list read whole (users, keys, endpoints: a few dozen at most). */
	public static <T> ListPage<T> slice(List<T> all, Paging paging) {
		int from = Math.min(paging.offset(), all.size());
		int to = (int) Math.min((long) from + paging.limit(), all.size());
		return new ListPage<>(all.subList(from, to), all.size(), paging);
	}

	/** The position (from 1) of this page's first row, 0 if the page is empty. */
	public long first() {
		return items.isEmpty() ? 0 : (long) paging.offset() + 1;
	}

	/** The position (from 1) of this page's last row. */
	public long last() {
		return (long) paging.offset() + items.size();
	}

	/** This page's number, from 0. */
	public int number() {
		return paging.number();
	}

	/** How many pages the list has (at least one). */
	public long pages() {
		return Math.max(1, (total + paging.limit() - 1) / paging.limit());
	}

	/** The page before this one; past the end, the last page. */
	public int previous() {
		return (int) Math.min(number() - 1L, pages() - 1);
	}

	public int next() {
		return number() + 1;
	}

	public boolean hasPrevious() {
		return paging.offset() > 0;
	}

	public boolean hasNext() {
		return (long) paging.offset() + paging.limit() < total;
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}

	/** How many rows this page shows. */
	public int size() {
		return items.size();
	}

	/** This page's rows, so that a template iterates the page as it did the list. */
	@Override
	public Iterator<T> iterator() {
		return items.iterator();
	}
}
