package ru.kredo.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pager's links ({@code @pageLinks.to(path, n)} in {@code fragments/pager.html}): the address of the page being
 * shown, with its search and filters kept, and only {@code page} changed (the language, {@code lang}, is remembered
 * by its cookie and left out).
 */
@Component("pageLinks")
public class PageLinks {

	/**
	 * Page {@code page} (from 0) of this request's list; {@code path} replaces the request's path when a fragment's
	 * own address (htmx's rows) is not the page's, {@code null} keeps it.
	 */
	public String to(String path, int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		UriComponentsBuilder link = UriComponentsBuilder
			.fromPath(path != null ? request.getContextPath() + path : request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("page") && !name.equals("lang")) {
				link.queryParam(name, (Object[]) values);
			}
		});
		if (page > 0) {
			link.queryParam("page", page);
		}
		return link.build().encode().toUriString();
	}

	/** What the list's search box holds, to show it again. */
	public String query() {
		return ru.kredo.platform.RequestedPage.query();
	}
}
