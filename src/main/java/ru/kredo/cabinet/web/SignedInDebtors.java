package ru.kredo.cabinet.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.platform.NotFound;

/**
 * Where the cabinet keeps its signed-in debtor (the session) and how a page gets him: a handler's parameter of type
 * {@link SignedInDebtor} is the debtor signed in to the agency of the page's {@code {agency}}; a visitor who is not is
 * sent to that agency's door before the handler runs, as every page of the cabinet did by hand. An
 * {@code Optional<SignedInDebtor>} parameter is empty for him instead, for pages that guests see too.
 */
class SignedInDebtors implements HandlerMethodArgumentResolver {

	/** The session attribute that holds the {@link SignedInDebtor}. */
	static final String ATTRIBUTE = "kredo.cabinet.debtor";

	/** Registers the resolver for every handler, in any module: the chat's pages take the debtor as the cabinet's do. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new SignedInDebtors());
		}
	}

	/** The debtor this session proved to be, from now on (the session's id has been changed by then). */
	static void signIn(HttpServletRequest request, SignedInDebtor debtor) {
		request.getSession().setAttribute(ATTRIBUTE, debtor);
	}

	static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

	/** The debtor this request's session signed in to this agency's cabinet; none for a guest or another agency's. */
	static Optional<SignedInDebtor> of(HttpServletRequest request, UUID agency) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedInDebtor debtor
				&& debtor.tenantId().value().equals(agency) ? Optional.of(debtor) : Optional.empty();
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.nestedIfOptional().getNestedParameterType() == SignedInDebtor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest webRequest,
			WebDataBinderFactory binders) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		UUID agency = agency(request);
		Optional<SignedInDebtor> debtor = of(request, agency);
		if (parameter.getParameterType() == Optional.class) {
			return debtor;
		}
		// Not his page (a guest, an expired session, another agency's debtor): the door, as the address a GET shows.
		return debtor.orElseThrow(() -> new ModelAndViewDefiningException(new ModelAndView("redirect:/cabinet/" + agency)));
	}

	/** The agency of the page: its address's {@code {agency}}; a page without one cannot ask for a debtor. */
	private static UUID agency(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| !(variables.get("agency") instanceof String agency)) {
			throw new IllegalStateException("A SignedInDebtor is only for a page at /cabinet/{agency}/…, not "
					+ request.getRequestURI());
		}
		try {
			return UUID.fromString(agency);
		}
		catch (IllegalArgumentException notAnId) {
			throw new NotFound("tenant.not-found", agency);
		}
	}
}
