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

	/** {@code all}'s page that the request asks for. */
	public static <T> ListPage<T> slice(java.util.List<T> all, int size) {
		return ListPage.slice(all, of(size));
	}
}
