package ru.kredo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.operator.TenantProvisioning.Provisioned;

/**
 * Every page and endpoint of Kredo is declared in {@link TenantKindAccess}, and every one of them a kind may not use
 * answers that kind its refusal (404 unless the row says otherwise), before its handler runs: a broker's user and a
 * broker's API key on each collector page and endpoint, a collector's on each broker one, either on the platform's,
 * and the debtor's cabinet at a broker's address. The handlers are read from the mappings, the rows from the table:
 * a new handler no row declares is named here, and a new one under a collector row is walked as soon as it exists.
 */
@IntegrationTest
class TenantKindAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Map<TenantKind, Caller> callers;
	Provisioned broker;

	@BeforeEach
	void oneOfEachKind() {
		broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		// Each caller asks with ids of its own objects where a page takes one, so that a page that forgot its row would
		// show them (200), not answer 404 for want of an object.
		callers = Map.of(
				TenantKind.BROKER, new Caller(fixtures.admin(broker), broker.apiKey().secret(),
						fixtures.contact(broker).id().toString()),
				TenantKind.COLLECTOR, new Caller(fixtures.admin(collector), collector.apiKey().secret(),
						fixtures.contact(collector).id().toString()),
				TenantKind.PLATFORM, new Caller(fixtures.signedIn("operator@kredo.demo"),
						apiKeys.issue(TenantId.PLATFORM, "Лента " + UUID.randomUUID(), "test").secret(),
						UUID.randomUUID().toString()));
	}

	@Test
	void everyHandlerOfKredoIsDeclared() {
		List<String> undeclared = handlers().stream().filter(handler -> handler.row() == null)
			.map(Handler::toString).toList();
		assertThat(undeclared).as("handlers no row of TenantKindAccess declares").isEmpty();
	}

	@Test
	void everyPageAndEndpointAnswersAKindItIsNotForWithItsRefusal() throws Exception {
		List<String> wrong = new ArrayList<>();
		int walked = 0;
		for (Handler handler : handlers()) {
			TenantKindAccess.Row row = handler.row();
			if (row == null || row.subject() == TenantKindAccess.Subject.NO_TENANT) {
				continue;
			}
			for (TenantKind kind : TenantKind.values()) {
				if (row.allows(kind)) {
					continue;
				}
				Caller caller = callers.get(kind);
				AbstractMockHttpServletRequestBuilder<?> request = handler.request(caller.ownId(), broker.tenant().id().toString());
				if (row.subject() == TenantKindAccess.Subject.AGENCY_IN_PATH) {
					if (kind != TenantKind.BROKER) {
						continue; // a cabinet is at an agency's address; a broker's is the one to refuse
					}
				}
				else if (handler.api()) {
					request.header("Authorization", "Bearer " + caller.apiKey());
				}
				else {
					request.with(user(caller.user()));
				}
				MvcResult result = mvc.perform(request.with(csrf())).andReturn();
				walked++;
				int status = result.getResponse().getStatus();
				Object refusedBy = result.getRequest().getAttribute(TenantKindAccess.REFUSED_BY);
				// The operator's pages are refused by the security chain's role rule first (403), as the row says.
				boolean bySecurity = status == 403 && handler.pattern().startsWith("/operator/");
				if (status != row.refusal().value() || (!bySecurity && !row.pattern().getPatternString().equals(refusedBy))) {
					wrong.add(kind + " " + handler + " -> " + status + " refused by " + refusedBy);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(walked).isGreaterThan(40);
	}

	/** The walk reaches the collectors' pages and endpoints as they are today, and the platform's. */
	@Test
	void theWalkCoversTheCollectorsPagesAndEndpoints() {
		Set<String> collectorsOnly = new TreeSet<>();
		for (Handler handler : handlers()) {
			if (handler.row() != null && !handler.row().allows(TenantKind.BROKER)) {
				collectorsOnly.add(handler.method() + " " + handler.pattern());
			}
		}
		assertThat(collectorsOnly).contains("GET /debtors", "GET /debtors/{id}", "GET /debtors/{id}/cabinet-activity",
				"GET /debtors/{id}/personal-data-consents", "GET /debtors/portfolios", "POST /debtors/portfolios",
				"GET /debtors/portfolios/imports/{id}", "GET /offer-rules", "POST /offer-rules/{id}/delete",
				"GET /requisites", "POST /requisites", "GET /payments/settings", "POST /payments/settings",
				"GET /cabinet-funnel", "POST /cabinet-look", "GET /cabinet/{agency}/home",
				"POST /cabinet/{agency}/debts/{debt}/pay", "GET /cabinet/{agency}/logo", "GET /operator/tenants",
				"POST /api/v1/events", "GET /api/v1/conversations", "GET /api/v1/conversations/{id}",
				"POST /api/v1/conversations/{id}/messages", "POST /api/v1/conversations/{id}/notes",
				"POST /api/v1/conversations/{id}/read", "GET /api/v1/conversations/{id}/attachments/{attachmentId}",
				"GET /api/v1/disputes", "GET /api/v1/disputes/{id}", "POST /api/v1/disputes/{id}/resolution",
				"GET /inbox/requests", "POST /inbox/requests/{id}/answer",
				"GET /api/v1/document-requests", "POST /api/v1/document-requests/{id}/answer",
				"POST /api/v1/document-requests/{id}/decline", "GET /plan-policy", "POST /plan-policy",
				"GET /plan-policy/portfolios/{id}", "POST /plan-policy/portfolios/{id}",
				"POST /plan-policy/portfolios/{id}/delete", "GET /inbox/plans", "GET /plans", "GET /plans/{id}", "GET /plans/adherence",
				"GET /plans/of/{id}", "POST /plans/{id}/approve", "POST /plans/{id}/propose", "POST /plans/{id}/decline",
				"POST /plans/{id}/pause", "POST /plans/{id}/resume", "POST /plans/{id}/end", "GET /api/v1/plans",
				"GET /api/v1/plans/{id}", "POST /api/v1/plans", "POST /api/v1/plans/{id}/approve",
				"POST /api/v1/plans/{id}/proposal", "POST /api/v1/plans/{id}/decline", "GET /inbox/statements",
				"POST /inbox/statements/{id}/confirm", "GET /cabinet/{agency}/rights",
				"POST /cabinet/{agency}/rights/representative", "GET /api/v1/statements", "GET /api/v1/statements/{id}",
				"POST /api/v1/statements/{id}/confirm", "POST /api/v1/statements/{id}/decline",
				"POST /api/v1/portfolios/{id}/invitations");
	}

	/** Kredo's own handlers, one per method and pattern, with the row that declares each. */
	private List<Handler> handlers() {
		List<Handler> handlers = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (!entry.getValue().getBeanType().getName().startsWith("ru.kredo.")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					handlers.add(new Handler(method, pattern, consumes, entry.getValue().toString(),
							TenantKindAccess.forMapping(pattern).orElse(null)));
				}
			}
		}
		return handlers;
	}

	record Caller(UserDetails user, String apiKey, String ownId) {
	}

	record Handler(RequestMethod method, String pattern, MediaType consumes, String handler, TenantKindAccess.Row row) {

		boolean api() {
			return pattern.startsWith("/api/");
		}

		AbstractMockHttpServletRequestBuilder<?> request(String id, String agency) {
			String path = pattern.replace("{id}", id).replace("{agency}", agency)
				.replaceAll("\\{[^}]+\\}", UUID.randomUUID().toString());
			AbstractMockHttpServletRequestBuilder<?> request = consumes != null && consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)
					? MockMvcRequestBuilders.multipart(method.asHttpMethod(), path)
					: MockMvcRequestBuilders.request(method.asHttpMethod(), path);
			if (consumes != null && !consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
				request.contentType(consumes).content("");
			}
			return request;
		}

		@Override
		public String toString() {
			return method + " " + pattern + " (" + handler + ")";
		}
	}
}
