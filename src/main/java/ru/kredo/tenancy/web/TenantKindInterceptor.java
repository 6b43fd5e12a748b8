package ru.kredo.tenancy.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.platform.NotAllowed;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.tenancy.TenantKindAccess;

/**
 * Enforces {@link TenantKindAccess} on every handler of Kredo before it runs: the kind of the request's tenant (the
 * signed-in user's or the API key's, or the agency a cabinet's address names) must be one its row allows; otherwise
 * the row's refusal (404 unless it says otherwise), thrown as {@link NotFound} or {@link NotAllowed} so that pages and
 * the API answer it as they answer any other. A handler no row declares is refused to everyone. Handlers that are not
 * Kredo's own (Boot's error page, the OpenAPI description) are left alone.
 */
class TenantKindInterceptor implements HandlerInterceptor {

	private final CurrentTenant current;
	private final TenantDirectory tenants;

	TenantKindInterceptor(CurrentTenant current, TenantDirectory tenants) {
		this.current = current;
		this.tenants = tenants;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		private final CurrentTenant current;
		private final TenantDirectory tenants;

		Registration(CurrentTenant current, TenantDirectory tenants) {
			this.current = current;
			this.tenants = tenants;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new TenantKindInterceptor(current, tenants));
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// An asynchronous answer's second dispatch was checked at its first.
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("ru.kredo.")
				|| request.getDispatcherType() == DispatcherType.ASYNC) {
			return true;
		}
		String mapping = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		Optional<TenantKindAccess.Row> declared = TenantKindAccess.forMapping(mapping);
		if (declared.isEmpty()) {
			request.setAttribute(TenantKindAccess.REFUSED_BY, "undeclared");
			throw new NotFound("not-found", mapping);
		}
		TenantKindAccess.Row row = declared.get();
		if (row.subject() == TenantKindAccess.Subject.NO_TENANT) {
			return true;
		}
		// No actor behind a staff page means the security chain let an anonymous request through: refused too.
		Optional<TenantKind> kind = row.subject() == TenantKindAccess.Subject.ACTOR
				? current.findActor().map(Actor::tenantKind) : agencyInPath(request).map(Tenant::kind);
		if (kind.filter(row::allows).isPresent()) {
			return true;
		}
		request.setAttribute(TenantKindAccess.REFUSED_BY, row.pattern().getPatternString());
		if (row.refusal() == HttpStatus.FORBIDDEN) {
			throw new NotAllowed(row.code());
		}
		throw new NotFound(row.code(), mapping);
	}

	private Optional<Tenant> agencyInPath(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
				|| !(variables.get("agency") instanceof String agency)) {
			return Optional.empty();
		}
		try {
			return tenants.find(new TenantId(UUID.fromString(agency)));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}
}
