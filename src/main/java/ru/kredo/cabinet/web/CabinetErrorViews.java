package ru.kredo.cabinet.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An error met in a debtor's cabinet ({@code /cabinet/{agency}/…}) is shown in that cabinet's look, and its way «home»
 * leads back into the cabinet, never to the staff's sign-in page: the same error pages ({@code templates/error/}),
 * given {@code cabinetLook}. Elsewhere Boot's own resolution stands.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CabinetErrorViews implements ErrorViewResolver {

	private final CabinetPages pages;

	CabinetErrorViews(CabinetPages pages) {
		this.pages = pages;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		CabinetPages.PageLook look = pages.forPath(model.get("path") instanceof String path ? path : null);
		if (look == null) {
			return null;
		}
		Map<String, Object> withLook = new HashMap<>(model);
		withLook.put("cabinetLook", look);
		String view = status == HttpStatus.NOT_FOUND ? "error/404" : status.is5xxServerError() ? "error/5xx" : "error/4xx";
		return new ModelAndView(view, withLook, status);
	}
}
