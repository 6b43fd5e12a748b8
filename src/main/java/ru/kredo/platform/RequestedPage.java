package ru.kredo.platform;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The page of a short list that the current request asks for ({@code ?page=N}, from 0; anything else is the first),
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
		if (page != null && page.matches("\\d{1,9}")) {
			number = Integer.parseInt(page);
		}
		return Paging.page(number, size);
	}

	/** {@code all}'s page that the request asks for. */
	public static <T> ListPage<T> slice(java.util.List<T> all, int size) {
		return ListPage.slice(all, of(size));
	}
}
