package ru.kredo.platform;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The page of a short list that the current request asks for ({@code ?page=N}, from 0, clamped like {@link Paging#page};
 * a {@code page} that is not an {@code int} is refused like any malformed parameter),
 * for pages whose list is read whole and shown a page at a time: {@code ListPage.slice(all, RequestedPage.of(50))}.
 */
public final class RequestedPage {

	private RequestedPage() {
	}

	public static Paging of(int size) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String page = request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
				? servlet.getRequest().getParameter("page") : null;
		int number = 0;
		if (page != null && !page.isBlank()) {
			try {
				number = Integer.parseInt(page.strip());
			}
			catch (NumberFormatException notAnInt) {
				// as for a page's @RequestParam int page: the 400 page, saying why (docs/inputs.md)
				throw new Rejected("request.parameter-invalid");
			}
		}
		return Paging.page(number, size);
	}

	/** What the request's search box holds ({@code ?q=}), or "". */
	public static String query() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String q = request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
				? servlet.getRequest().getParameter("q") : null;
		return q == null ? "" : q.strip();
	}

	/**
	 * The rows of a short list whose {@code text} holds every word of the request's search box, in any case, ё and е
	 * alike (a user by name or e-mail, a tenant or a list by name); all of them when it is empty.
	 */
	public static <T> java.util.List<T> matching(java.util.List<T> all, java.util.function.Function<T, String> text) {
		String[] words = folded(query()).split("\\s+");
		if (words.length == 0 || words[0].isEmpty()) {
			return all;
		}
		return all.stream().filter(row -> {
			String folded = folded(text.apply(row));
			return java.util.Arrays.stream(words).allMatch(folded::contains);
		}).toList();
	}

	private static String folded(String text) {
		return text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
	}

	/** {@code all}'s page that the request asks for. */
	public static <T> ListPage<T> slice(java.util.List<T> all, int size) {
		return ListPage.slice(all, of(size));
	}
}
