package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15, «The API, both halves»: everything a tenant's staff can do on a page, an API key can do too. Walks the
 * controllers' handler mappings, takes every staff page action that changes something (POST, PUT, PATCH or DELETE
 * outside {@code /api}; not the sign-in, the debtor's cabinet, the platform operator's pages nor the account's own),
 * and fails unless it is mapped below to the API route that does the same — which must exist — or listed as an
 * exception with the reason it has none. A page action added later without either fails here.
 */
@IntegrationTest
class PageActionsContractIntegrationTests {

	/** Not staff pages of a tenant: the debtor's cabinet, the platform operator's, the account's own, the sign-in. */
	private static final List<String> NOT_STAFF = List.of("/cabinet/", "/operator/", "/account/", "/password-links/",
			"/sign-in", "/login", "/logout");

	/** Page action → the API route that does the same. */
	private static final Map<String, String> COUNTERPARTS = new TreeMap<>(Map.ofEntries(
			// Users: the API invites (a password is never given through an integration, docs/staff-access.md).
			Map.entry("POST /users", "POST /api/v1/users"), Map.entry("POST /users/invite", "POST /api/v1/users"),
			Map.entry("POST /users/{id}/invite-again", "POST /api/v1/users/{id}/invitation"),
			Map.entry("POST /users/{id}/password-reset", "POST /api/v1/users/{id}/password-link"),
			Map.entry("POST /users/{id}/role", "PUT /api/v1/users/{id}/role"),
			Map.entry("POST /users/{id}/enabled", "PUT /api/v1/users/{id}/enabled"),
			Map.entry("POST /api-keys/{id}/revoke", "DELETE /api/v1/api-keys/{id}"),
			// Monitoring: watches and lists.
			Map.entry("POST /monitoring", "POST /api/v1/watches"),
			Map.entry("POST /monitoring/{id}/stop", "DELETE /api/v1/watches/{id}"),
			Map.entry("POST /monitoring/lists", "POST /api/v1/lists/imports"),
			// Signals.
			Map.entry("POST /signals/{id}/outcome", "POST /api/v1/signals/{id}/outcome"),
			Map.entry("POST /signals/{id}/assign", "PUT /api/v1/signals/{id}/assignee"),
			Map.entry("POST /signals/ranking", "PUT /api/v1/signals/priorities"),
			Map.entry("POST /signals/ranking/reset", "DELETE /api/v1/signals/priorities/{segment}/{eventType}"),
			// Webhooks.
			Map.entry("POST /webhooks", "POST /api/v1/webhook-endpoints"),
			Map.entry("POST /webhooks/{id}/enabled", "PATCH /api/v1/webhook-endpoints/{id}"),
			Map.entry("POST /webhooks/{id}/event-types", "PATCH /api/v1/webhook-endpoints/{id}"),
			Map.entry("POST /webhooks/{id}/rotate-secret", "POST /api/v1/webhook-endpoints/{id}/secret/rotate"),
			Map.entry("POST /webhooks/{id}/test", "POST /api/v1/webhook-endpoints/{id}/test"),
			Map.entry("POST /webhooks/deliveries/{id}/redeliver", "POST /api/v1/webhook-deliveries/{id}/redeliver"),
			Map.entry("POST /webhooks/kafka", "PUT /api/v1/signal-topic"),
			// A collection agency: portfolios, requisites, offer rules, disputes.
			Map.entry("POST /debtors/portfolios", "POST /api/v1/portfolios/{id}/uploads"),
			Map.entry("POST /requisites", "PUT /api/v1/requisites"),
			Map.entry("POST /offer-rules", "POST /api/v1/offer-rules"),
			Map.entry("POST /offer-rules/{id}", "PUT /api/v1/offer-rules/{id}"),
			Map.entry("POST /offer-rules/{id}/enabled", "PUT /api/v1/offer-rules/{id}/enabled"),
			Map.entry("POST /offer-rules/{id}/delete", "DELETE /api/v1/offer-rules/{id}"),
			Map.entry("POST /debtors/disputes/{id}", "POST /api/v1/disputes/{id}/resolution"),
			// Its inbox: conversations and document requests.
			Map.entry("POST /inbox/{id}/reply", "POST /api/v1/conversations/{id}/messages"),
			Map.entry("POST /inbox/{id}/note", "POST /api/v1/conversations/{id}/notes"),
			Map.entry("POST /inbox/{id}/take", "PUT /api/v1/conversations/{id}/assignee"),
			Map.entry("POST /inbox/{id}/assign", "PUT /api/v1/conversations/{id}/assignee"),
			Map.entry("POST /inbox/{id}/offer", "POST /api/v1/conversations/{id}/offers"),
			Map.entry("POST /inbox/{id}/document", "POST /api/v1/conversations/{id}/documents"),
			Map.entry("POST /inbox/requests/{id}/answer", "POST /api/v1/document-requests/{id}/answer"),
			Map.entry("POST /inbox/requests/{id}/decline", "POST /api/v1/document-requests/{id}/decline"),
			// Plans.
			Map.entry("POST /plans/{id}/approve", "POST /api/v1/plans/{id}/approve"),
			Map.entry("POST /plans/{id}/propose", "POST /api/v1/plans/{id}/proposal"),
			Map.entry("POST /plans/{id}/decline", "POST /api/v1/plans/{id}/decline"),
			Map.entry("POST /plans/{id}/pause", "POST /api/v1/plans/{id}/pause"),
			Map.entry("POST /plans/{id}/resume", "POST /api/v1/plans/{id}/resume"),
			Map.entry("POST /plans/{id}/end", "POST /api/v1/plans/{id}/end"),
			// The agency's plan policy and a portfolio's.
			Map.entry("POST /plan-policy", "PUT /api/v1/plan-policy"),
			Map.entry("POST /plan-policy/portfolios/{id}", "PUT /api/v1/plan-policy/portfolios/{id}"),
			Map.entry("POST /plan-policy/portfolios/{id}/delete", "DELETE /api/v1/plan-policy/portfolios/{id}"),
			// Its texts to debtors and SMS sender name.
			Map.entry("POST /contact-templates", "PUT /api/v1/contact-templates"),
			// Contact centre.
			Map.entry("POST /debtors/{id}/call", "POST /api/v1/debtors/{id}/calls"),
			Map.entry("POST /debtors/calls/{id}/outcome", "POST /api/v1/calls/{id}/outcome"),
			Map.entry("POST /debtors/{id}/contact-bars", "POST /api/v1/debtors/{id}/contact-bars"),
			Map.entry("POST /debtors/{id}/contact-bars/lift", "DELETE /api/v1/debtors/{id}/contact-bars/{kind}"),
			Map.entry("POST /debtors/{id}/monitoring", "POST /api/v1/debtors/{id}/monitoring"),
			Map.entry("POST /debtors/portfolios/{id}/monitoring", "POST /api/v1/portfolios/{id}/monitoring"),
			Map.entry("POST /debtors/{id}/phones/own", "POST /api/v1/debtors/{id}/phones/own"),
			// Debtors' statements under 230-ФЗ, and the cabinet's invitations.
			Map.entry("POST /inbox/statements/{id}/confirm", "POST /api/v1/statements/{id}/confirm"),
			Map.entry("POST /inbox/statements/{id}/decline", "POST /api/v1/statements/{id}/decline"),
			Map.entry("POST /debtors/portfolios/{id}/invitations", "POST /api/v1/portfolios/{id}/invitations")));

	/** Page actions with no API counterpart, each with why. */
	private static final Map<String, String> EXCEPTIONS = new TreeMap<>(Map.ofEntries(
			Map.entry("POST /api-keys", "a key is issued by a signed-in admin only: a key that issued keys would let a "
					+ "leaked key outlive its own revocation"),
			Map.entry("POST /crm/amocrm/keys", "the amoCRM connection is the CRM's OAuth 2.0 flow: a person consents "
					+ "in amoCRM's own window, which no API call can do for him (docs/crm-amocrm.md)"),
			Map.entry("POST /crm/amocrm/connect", "the amoCRM OAuth 2.0 flow (above)"),
			Map.entry("POST /crm/amocrm/action", "what a signal becomes in amoCRM: part of the connection set up "
					+ "through amoCRM's OAuth window (above)"),
			Map.entry("POST /crm/amocrm/disconnect", "the amoCRM connection (above); revoking the key in amoCRM "
					+ "ends it from the CRM's side"),
			Map.entry("POST /crm/amocrm/hooks/{token}", "not a staff action: amoCRM's own webhook post, its address a "
					+ "secret token (docs/crm-amocrm.md, «Outcomes from amoCRM»)"),
			Map.entry("POST /crm/bitrix24/keys", "the Bitrix24 connection is the portal's OAuth 2.0 flow: a person "
					+ "consents in Bitrix24's own window, which no API call can do for him (docs/crm-bitrix24.md)"),
			Map.entry("POST /crm/bitrix24/connect", "the Bitrix24 OAuth 2.0 flow (above)"),
			Map.entry("POST /crm/bitrix24/action", "what a signal becomes in Bitrix24: part of the connection set up "
					+ "through Bitrix24's OAuth window (above)"),
			Map.entry("POST /crm/bitrix24/disconnect", "the Bitrix24 connection (above)"),
			Map.entry("POST /crm/bitrix24/subscribe", "the Bitrix24 connection (above): its events are bound with the "
					+ "portal's OAuth tokens"),
			Map.entry("POST /crm/bitrix24/pipelines", "a page's cache of the portal's pipelines: the API has no such "
					+ "list to refresh"),
			Map.entry("POST /crm/amocrm/pipelines", "a page's cache of the account's pipelines: the API has no such "
					+ "list to refresh"),
			Map.entry("POST /crm/bitrix24/events/{token}", "not a staff action: Bitrix24's own event post, its address "
					+ "a secret token (docs/crm-bitrix24.md, «Outcomes from Bitrix24»)"),
			Map.entry("POST /payments/notifications/{provider}", "not a staff action: the payment provider's own "
					+ "callback, signed by the provider"),
			Map.entry("POST /payments/sandbox/{id}/pay", "not a staff action: the simulated provider's payment page, "
					+ "where the debtor pays in a sandbox"),
			Map.entry("POST /payments/sandbox/{id}/decline", "the simulated provider's payment page (above)"),
			Map.entry("POST /payments/sandbox/{id}/cancel", "the simulated provider's payment page (above)"),
			Map.entry("POST /payments/settings", "the payment provider's shop and secret key move money: set only by "
					+ "a signed-in admin, as API keys are issued, never by a key"),
			Map.entry("POST /test-clock", "a sandbox's test clock, for a person trying the product on its pages; a "
					+ "real tenant's clock never moves (docs/sandbox.md)"),
			Map.entry("POST /cabinet-look", "the cabinet's look (logo, colours) is set by a person against the live "
					+ "preview the page shows; nothing an integration feeds"),
			Map.entry("POST /inbox/replies", "canned replies are a typing aid of the inbox page; an integration sends "
					+ "its own text (POST /api/v1/conversations/{id}/messages)"),
			Map.entry("POST /inbox/replies/{id}/delete", "canned replies (above)")));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** Every mapped route as {@code METHOD /pattern}, one line per method and pattern. */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod h) -> {
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				for (String pattern : info.getPatternValues()) {
					routes.add(method + " " + pattern);
				}
			}
		});
		return routes;
	}

	private Set<String> pageActions() {
		Set<String> actions = new TreeSet<>();
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(method) && !path.startsWith("/api/")
					&& NOT_STAFF.stream().noneMatch(path::startsWith)) {
				actions.add(route);
			}
		}
		return actions;
	}

	@Test
	void everyStaffPageActionHasAnApiCounterpartOrASaidReasonWhyNot() {
		Set<String> actions = pageActions();
		List<String> missing = new ArrayList<>();
		for (String action : actions) {
			if (!COUNTERPARTS.containsKey(action) && !EXCEPTIONS.containsKey(action)) {
				missing.add(action);
			}
		}
		assertThat(missing).as("page actions with neither an API counterpart nor a reason in this test").isEmpty();
		assertThat(COUNTERPARTS.keySet()).as("in both tables").doesNotContainAnyElementsOf(EXCEPTIONS.keySet());
		// The walk sees what it is meant to see, and the tables name no action that is gone.
		assertThat(actions).contains("POST /users/invite", "POST /inbox/{id}/reply", "POST /debtors/portfolios");
		assertThat(actions).as("routes the tables name").containsAll(COUNTERPARTS.keySet()).containsAll(EXCEPTIONS.keySet());
		assertThat(actions).noneMatch(action -> action.contains("/cabinet/{agency}") || action.startsWith("POST /operator/"));
	}

	@Test
	void everyCounterpartIsARouteOfTheApi() {
		Set<String> routes = routes();
		List<String> absent = COUNTERPARTS.entrySet().stream()
			.filter(entry -> !routes.contains(entry.getValue()))
			.map(entry -> entry.getKey() + " → " + entry.getValue())
			.toList();
		assertThat(absent).as("counterparts that are no route").isEmpty();
		assertThat(COUNTERPARTS.values()).allMatch(route -> route.contains(" /api/v1/"));
	}

	@Test
	void everyExceptionSaysWhy() {
		assertThat(EXCEPTIONS.values()).allMatch(reason -> reason.strip().length() >= 15);
	}
}
