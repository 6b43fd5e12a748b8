package ru.kredo.cabinet.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An error met in a debtor's cabinet ({@code /cabinet/{agency}/…}) is shown in that cabinet's look, and its way «home»
 * leads back into the cabinet, never to the staff's sign-in page: the same error pages ({@code templates/error/}),
 * given {@code cabinetLook}. Elsewhere Boot's own resolution stands: an {@code ErrorViewResolver} bean replaces Boot's
 * default one, so this one hands every other path to it ({@code error/403}, {@code error/4xx}… as before).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CabinetErrorViews implements ErrorViewResolver {

	private final CabinetPages pages;
	private final DefaultErrorViewResolver elsewhere;

	CabinetErrorViews(CabinetPages pages, ApplicationContext context, ObjectProvider<WebProperties> web) {
		this.pages = pages;
		this.elsewhere = new DefaultErrorViewResolver(context, web.getIfAvailable(WebProperties::new).getResources());
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		CabinetPages.PageLook look = pages.forPath(model.get("path") instanceof String path ? path : null);
		if (look == null) {
			return elsewhere.resolveErrorView(request, status, model);
		}
		Map<String, Object> withLook = new HashMap<>(model);
		withLook.put("cabinetLook", look);
		String view = status == HttpStatus.NOT_FOUND ? "error/404" : status.is5xxServerError() ? "error/5xx" : "error/4xx";
		return new ModelAndView(view, withLook, status);
	}
}
