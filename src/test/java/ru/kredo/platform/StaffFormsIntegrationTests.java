package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.kredo.Fixtures;
import ru.kredo.Fixtures.WatchedWithSignal;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.PasswordLinks;
import ru.kredo.accounts.User;
import ru.kredo.collections.OfferRule;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * Every staff form (each {@code POST} of a page controller in Spring's handler mapping, outside the debtor's cabinet
 * and the payment provider's pages) answers a valid submission with a redirect, so that a reload of the page that
 * follows is a GET and does nothing twice (post/redirect/get). A new form fails the first test until it is given a
 * valid submission here, and then the second one checks it.
 */
@IntegrationTest
class StaffFormsIntegrationTests {

	private static final Set<String> NOT_STAFF = Set.of("/cabinet", "/payments/sandbox/", "/payments/notifications/");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Offers offers;

	@Autowired
	WebhookEndpoints webhooks;

	@Autowired
	WebhookDeliveries deliveries;

	@Autowired
	PasswordLinks links;

	@Autowired
	ru.kredo.crm.internal.AmoCrmAccounts amoCrm;

	@Autowired
	ru.kredo.crm.internal.Bitrix24Accounts bitrix24;

	@Autowired
	ru.kredo.collections.Debts debts;

	@Autowired
	ru.kredo.collections.Disputes disputes;

	@Autowired
	ru.kredo.conversations.Conversations conversations;

	@Autowired
	ru.kredo.conversations.CannedReplies cannedReplies;

	@Autowired
	ru.kredo.docrequests.DocumentRequests documentRequests;

	@Autowired
	ru.kredo.contacting.ContactStatements contactStatements;

	@Autowired
	ru.kredo.plans.Plans plans;

	@Autowired
	ru.kredo.cabinet.CabinetSignIn signIn;

	@Autowired
	ru.kredo.TextedCodes texted;

	@Autowired
	ru.kredo.contacts.Contacts contactsOf;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	ru.kredo.collections.BureauPhones bureauPhones;

	@Autowired
	ru.kredo.privacy.PersonalData personalData;

	@Autowired
	ru.kredo.operator.TenantProvisioning provisioning;

	@Autowired
	ru.kredo.operator.PlatformAccess feedKeys;

	@Test
	void everyStaffFormHasAValidSubmissionHere() {
		assertThat(staffForms()).as("staff POST endpoints; give a new one a valid submission in submissions()")
			.isEqualTo(new TreeSet<>(submissions().keySet()));
	}

	@Test
	void everyStaffFormAnswersAValidSubmissionWithARedirect() throws Exception {
		List<String> notRedirected = new ArrayList<>();
		for (Map.Entry<String, Supplier<AbstractMockHttpServletRequestBuilder<?>>> form : submissions().entrySet()) {
			MvcResult result = mvc.perform(form.getValue().get().with(csrf())).andReturn();
			int status = result.getResponse().getStatus();
			if (status < 300 || status >= 400) {
				notRedirected.add(form.getKey() + " answered " + status);
			}
		}
		assertThat(notRedirected).isEmpty();
	}

	/**
	 * The staff forms with nothing typed: buttons, a choice among given options, a check box, a file alone. Every other
	 * staff form must have a wrong submission in {@link #wrongSubmissions()}.
	 */
	private static final Set<String> NOTHING_TYPED = Set.of("POST /monitoring/{id}/stop", "POST /signals/{id}/assign",
			"POST /signals/{id}/outcome", "POST /signals/ranking", "POST /signals/ranking/reset",
			"POST /api-keys/{id}/revoke", "POST /webhooks/{id}/enabled", "POST /webhooks/{id}/rotate-secret",
			"POST /webhooks/{id}/test", "POST /webhooks/{id}/event-types", "POST /webhooks/deliveries/{id}/redeliver",
			"POST /webhooks/kafka", "POST /users/{id}/role",
			"POST /users/{id}/enabled", "POST /users/{id}/password-reset", "POST /users/{id}/invite-again",
			"POST /offer-rules/{id}/enabled", "POST /offer-rules/{id}/delete", "POST /payments/settings",
			"POST /operator/events", "POST /inbox/{id}/take", "POST /inbox/{id}/assign",
			"POST /inbox/replies/{id}/delete", "POST /plan-policy/portfolios/{id}/delete",
			"POST /plans/{id}/approve", "POST /plans/{id}/resume", "POST /debtors/{id}/monitoring",
			"POST /debtors/portfolios/{id}/invitations", "POST /inbox/statements/{id}/confirm", "POST /debtors/{id}/call", "POST /debtors/{id}/contact-bars/lift",
			"POST /crm/amocrm/connect", "POST /crm/amocrm/disconnect",
			"POST /crm/bitrix24/connect", "POST /crm/bitrix24/disconnect", "POST /operator/feeds/{feed}/revoke",
			"POST /crm/bitrix24/subscribe", "POST /crm/bitrix24/pipelines", "POST /crm/amocrm/pipelines");

	@Test
	void everyStaffFormWithTypedFieldsHasAWrongSubmissionHere() {
		Set<String> typed = new TreeSet<>(staffForms());
		typed.removeAll(NOTHING_TYPED);
		assertThat(typed).as("staff forms with typed fields; give a new one a wrong submission in wrongSubmissions()")
			.isEqualTo(new TreeSet<>(wrongSubmissions().keySet()));
	}

	/**
	 * A wrong submission of any staff form comes back (422) with every wrong field marked next to it — not only the
	 * first — and with what was typed in the fields (never a password).
	 */
	@Test
	void everyStaffFormShowsEveryWrongFieldNextToItAndKeepsWhatWasTyped() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Wrong> form : wrongSubmissions().entrySet()) {
			Wrong submission = form.getValue();
			MvcResult result = mvc.perform(submission.request().get().with(csrf()).header("Accept-Language", "ru"))
				.andReturn();
			String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			if (result.getResponse().getStatus() != 422) {
				wrong.add(form.getKey() + " answered " + result.getResponse().getStatus());
				continue;
			}
			for (String id : submission.invalid()) {
				java.util.regex.Matcher tag = java.util.regex.Pattern
					.compile("<(input|select|textarea)\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
				if (!tag.find() || !tag.group().contains("is-invalid")) {
					wrong.add(form.getKey() + ": field " + id + " not marked");
				}
			}
			int shown = page.split("class=\"invalid-feedback\"", -1).length - 1;
			if (shown != submission.invalid().size()) {
				wrong.add(form.getKey() + ": " + shown + " field errors shown, " + submission.invalid().size() + " expected");
			}
			for (String typed : submission.kept()) {
				if (!page.contains("value=\"" + typed + "\"") && !page.contains(">" + typed + "<")) {
					wrong.add(form.getKey() + ": «" + typed + "» not kept");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** A wrong submission: the ids of the fields it gets wrong, and what was typed that the page must show again. */
	private record Wrong(Supplier<AbstractMockHttpServletRequestBuilder<?>> request, List<String> invalid,
			List<String> kept) {
	}

	private Map<String, Wrong> wrongSubmissions() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails brokerAdmin = fixtures.admin(broker);
		UserDetails agencyAdmin = fixtures.admin(agency);
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		Map<String, Wrong> forms = new LinkedHashMap<>();

		forms.put("POST /monitoring", new Wrong(() -> post("/monitoring").with(user(brokerAdmin)).param("lastName", "")
			.param("firstName", "Мария").param("birthDate", "31.02.1988").param("segment", "PROSPECT").param("months", "99"),
				List.of("lastName", "birthDate", "months"), List.of("Мария", "31.02.1988", "99")));
		forms.put("POST /monitoring/lists", new Wrong(() -> multipart("/monitoring/lists").param("name", "")
			.param("segment", "PROSPECT").param("months", "99").param("consentDate", "2026-11-01")
			.param("consentPurpose", "").with(user(brokerAdmin)),
				List.of("name", "file", "months", "consentPurpose"), List.of("99", "2026-11-01")));
		forms.put("POST /api-keys", new Wrong(() -> post("/api-keys").param("name", " ").with(user(brokerAdmin)),
				List.of("name"), List.of()));
		forms.put("POST /crm/amocrm/keys", new Wrong(() -> post("/crm/amocrm/keys").param("subdomain", "my broker!")
			.param("clientId", " ").param("clientSecret", "").with(user(brokerAdmin)),
				List.of("subdomain", "clientId", "clientSecret"), List.of("my broker!")));
		forms.put("POST /crm/amocrm/action", new Wrong(() -> post("/crm/amocrm/action").param("action", "LEAD")
			.param("pipelineId", "воронка").param("statusId", "").with(user(amoCrmAdmin())),
				List.of("pipelineId", "statusId"), List.of("воронка")));
		forms.put("POST /crm/bitrix24/keys", new Wrong(() -> post("/crm/bitrix24/keys").param("portal", "my broker!")
			.param("clientId", " ").param("clientSecret", "").with(user(brokerAdmin)),
				List.of("portal", "clientId", "clientSecret"), List.of("my broker!")));
		forms.put("POST /crm/bitrix24/action", new Wrong(() -> post("/crm/bitrix24/action").param("action", "DEAL")
			.param("categoryId", "воронка").param("stageId", "").with(user(bitrix24Admin())),
				List.of("categoryId", "stageId"), List.of("воронка")));
		forms.put("POST /webhooks", new Wrong(() -> post("/webhooks").param("url", "ftp://crm.example.ru/hook")
			.param("description", "Д".repeat(201)).with(user(brokerAdmin)),
				List.of("url", "description"), List.of("ftp://crm.example.ru/hook")));
		forms.put("POST /users", new Wrong(() -> post("/users").param("displayName", "").param("email", "не-почта")
			.param("role", "MANAGER").param("password", "123").with(user(brokerAdmin)),
				List.of("displayName", "email", "password"), List.of("не-почта")));
		forms.put("POST /users/invite", new Wrong(() -> post("/users/invite").param("displayName", " ")
			.param("email", "ещё-не-почта").param("role", "MANAGER").with(user(brokerAdmin)),
				List.of("invite-displayName", "invite-email"), List.of("ещё-не-почта")));
		forms.put("POST /account/password", new Wrong(() -> post("/account/password").param("currentPassword", "не тот")
			.param("newPassword", "aaaaaaaa").param("repeatPassword", "bbbbbbbb")
			.with(user(fixtures.signedIn(fixtures.manager(broker).email().value()))),
				List.of("currentPassword", "newPassword", "repeatPassword"), List.of()));
		forms.put("POST /password-links/{token}", new Wrong(() -> post(links.reset(broker.tenant().id(),
				fixtures.manager(broker).id(), null).address().getPath()).param("newPassword", "password")
			.param("repeatPassword", "другой"),
				List.of("newPassword", "repeatPassword"), List.of()));
		forms.put("POST /offer-rules", new Wrong(() -> post("/offer-rules").param("name", "").param("discountPercent", "90")
			.param("validDays", "0").with(user(agencyAdmin)),
				List.of("name", "discountPercent", "validDays"), List.of("90")));
		forms.put("POST /offer-rules/{id}", new Wrong(() -> post("/offer-rules/{id}", rule(agency).id()).param("name", "")
			.param("discountPercent", "90").param("validDays", "0").with(user(agencyAdmin)),
				List.of("name", "discountPercent", "validDays"), List.of("90")));
		forms.put("POST /requisites", new Wrong(() -> post("/requisites").param("fullName", "").param("inn", "7707083890")
			.param("ogrn", "123").param("address", "г. Москва, ул. Примерная, д. 1").param("phone", "+7 495 000-00-00")
			.param("email", "не-почта").with(user(agencyAdmin)),
				List.of("fullName", "inn", "ogrn", "email"), List.of("7707083890", "г. Москва, ул. Примерная, д. 1")));
		forms.put("POST /contact-templates", new Wrong(() -> post("/contact-templates")
			.param("PLAN_INSTALMENT_DUE", "Оплатите {amount} до {date}").param("PLAN_BEHIND", "{agency}: {amount}")
			.param("sender", "Возврат!").with(user(agencyAdmin)),
				List.of("PLAN_INSTALMENT_DUE", "PLAN_BEHIND", "sender"), List.of("Оплатите {amount} до {date}", "Возврат!")));
		forms.put("POST /debtors/portfolios", new Wrong(() -> multipart("/debtors/portfolios").param("name", "")
			.param("creditor", "К".repeat(400)).with(user(agencyAdmin)),
				List.of("name", "file", "creditor"), List.of("К".repeat(400))));
		forms.put("POST /operator/tenants", new Wrong(() -> post("/operator/tenants").param("name", "")
			.param("kind", "BROKER").param("adminEmail", "nope").param("adminName", "").with(user(operator)),
				List.of("name", "adminEmail", "adminName"), List.of("nope")));
		forms.put("POST /operator/feeds", new Wrong(() -> post("/operator/feeds").param("name", "Б".repeat(101))
			.with(user(operator)), List.of("name"), List.of("Б".repeat(101))));
		forms.put("POST /debtors/disputes/{id}", new Wrong(() -> post("/debtors/disputes/{id}", dispute(agency))
			.param("outcome", "REJECTED").param("reason", "  ").with(user(agencyAdmin)),
				List.of("reason"), List.of()));
		forms.put("POST /inbox/replies", new Wrong(() -> post("/inbox/replies").param("title", "")
			.param("text", "Здравствуйте, {имя}!").with(user(agencyAdmin)),
				List.of("canned-title"), List.of("Здравствуйте, {имя}!")));
		forms.put("POST /inbox/{id}/reply", new Wrong(() -> multipart("/inbox/{id}/reply", conversation(agency))
			.file(new MockMultipartFile("file", "скан.pdf", "application/pdf", "не PDF".getBytes(StandardCharsets.UTF_8)))
			.param("text", "Квитанцию получили").with(user(agencyAdmin)),
				List.of("reply-file"), List.of("Квитанцию получили")));
		forms.put("POST /inbox/requests/{id}/answer", new Wrong(() -> multipart("/inbox/requests/{id}/answer",
				documentRequest(agency)).file(new MockMultipartFile("file", "расчёт.pdf", "application/pdf",
						"не PDF".getBytes(StandardCharsets.UTF_8))).with(user(agencyAdmin)),
				List.of("answer-file"), List.of()));
		forms.put("POST /inbox/requests/{id}/decline", new Wrong(() -> post("/inbox/requests/{id}/decline",
				documentRequest(agency)).param("reason", "  ").with(user(agencyAdmin)),
				List.of("decline-reason"), List.of()));
		forms.put("POST /inbox/statements/{id}/decline", new Wrong(() -> post("/inbox/statements/{id}/decline",
				contactStatement(agency)).param("reason", "  ").with(user(agencyAdmin)),
				List.of("statement-decline-reason"), List.of()));
		forms.put("POST /inbox/{id}/document", new Wrong(() -> multipart("/inbox/{id}/document", conversation(agency))
			.file(new MockMultipartFile("file", "справка.pdf", "application/pdf", "не PDF".getBytes(StandardCharsets.UTF_8)))
			.param("title", "Справка о погашении").with(user(agencyAdmin)),
				List.of("document-file"), List.of("Справка о погашении")));
		forms.put("POST /inbox/{id}/offer", new Wrong(() -> {
			UUID[] offerable = offerable(agency);
			return post("/inbox/{id}/offer", offerable[0]).param("debt", offerable[1].toString())
				.param("discountPercent", "90").param("sumToPay", "").param("validDays", "0").with(user(agencyAdmin));
		}, List.of("offer-percent", "offer-days"), List.of("90")));
		forms.put("POST /inbox/{id}/note", new Wrong(() -> post("/inbox/{id}/note", conversation(agency))
			.param("text", "я".repeat(conversations.limits().maxMessageLength() + 1)).with(user(agencyAdmin)),
				List.of("note-text"), List.of()));
		forms.put("POST /plan-policy", new Wrong(() -> planPolicy(post("/plan-policy"), "minMonths", "1",
			"maxDaysToFirst", "десять", "minBalance", "1e9").with(user(agencyAdmin)),
				List.of("minMonths", "maxDaysToFirst", "minBalance"), List.of("десять", "1e9")));
		forms.put("POST /plan-policy/portfolios/{id}", new Wrong(() -> planPolicy(post("/plan-policy/portfolios/{id}",
				portfolio(agency)), "maxMonths", "500", "repairs", "-1").with(user(agencyAdmin)),
				List.of("maxMonths", "repairs"), List.of("500", "-1")));
		forms.put("POST /debtors/portfolios/{id}/monitoring", new Wrong(() -> post("/debtors/portfolios/{id}/monitoring",
				portfolio(agency)).param("months", "сорок").with(user(agencyAdmin)), List.of("months", "confirmed"),
				List.of("сорок")));
		UserDetails sandboxAdmin = sandboxAdmin();
		forms.put("POST /test-clock", new Wrong(() -> post("/test-clock").param("days", "-3").with(user(sandboxAdmin)),
				List.of("days"), List.of("-3")));
		forms.put("POST /plans/{id}/propose", new Wrong(() -> post("/plans/{id}/propose", plan(agency, false))
			.param("by", "months").param("months", "0").param("first", "не дата").with(user(agencyAdmin)),
				List.of("propose-months", "propose-first"), List.of("не дата")));
		forms.put("POST /plans/{id}/decline", new Wrong(() -> post("/plans/{id}/decline", plan(agency, false))
			.param("reason", " ").with(user(agencyAdmin)), List.of("decline-reason"), List.of()));
		forms.put("POST /plans/{id}/pause", new Wrong(() -> post("/plans/{id}/pause", plan(agency, true))
			.param("reason", "").with(user(agencyAdmin)), List.of("pause-reason"), List.of()));
		forms.put("POST /plans/{id}/end", new Wrong(() -> post("/plans/{id}/end", plan(agency, true))
			.param("reason", "я".repeat(ru.kredo.plans.Plan.MAX_NOTE + 1)).with(user(agencyAdmin)),
				List.of("end-reason"), List.of()));
		forms.put("POST /debtors/calls/{id}/outcome", new Wrong(() -> post("/debtors/calls/{id}/outcome", call(agency))
			.param("outcome", "PROMISED_TO_PAY").param("amount", "ноль").param("date", "не дата").with(user(agencyAdmin)),
				List.of("promise-amount", "promise-date"), List.of("ноль", "не дата")));
		String[] unconfirmed = bureauPhone(agency, false);
		forms.put("POST /debtors/{id}/phones/own", new Wrong(() -> post("/debtors/{id}/phones/own", unconfirmed[0])
			.param("phone", unconfirmed[1]).with(user(agencyAdmin)), List.of("own-phone"), List.of(unconfirmed[1])));
		forms.put("POST /debtors/{id}/contact-bars", new Wrong(() -> post("/debtors/{id}/contact-bars",
				fixtures.contact(agency).id().value()).param("kind", "REFUSAL").param("note", "я".repeat(501))
			.with(user(agencyAdmin)), List.of("bar-kind", "bar-note"), List.of()));
		return forms;
	}

	private Set<String> staffForms() {
		Set<String> forms = new TreeSet<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			Class<?> type = handler.getBeanType();
			boolean page = type.isAnnotationPresent(Controller.class) && !type.isAnnotationPresent(RestController.class);
			if (page && info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().stream()
					.filter(pattern -> NOT_STAFF.stream().noneMatch(pattern::startsWith))
					.forEach(pattern -> forms.add("POST " + pattern));
			}
		});
		return forms;
	}

	/** A valid submission of each staff form, each on objects of its own so that they do not depend on each other. */
	private Map<String, Supplier<AbstractMockHttpServletRequestBuilder<?>>> submissions() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails brokerAdmin = fixtures.admin(broker);
		UserDetails agencyAdmin = fixtures.admin(agency);
		UserDetails operator = fixtures.signedIn("operator@kredo.demo");
		Map<String, Supplier<AbstractMockHttpServletRequestBuilder<?>>> forms = new LinkedHashMap<>();

		forms.put("POST /monitoring", () -> post("/monitoring").with(user(brokerAdmin)).param("lastName", "Кузнецова")
			.param("firstName", "Мария").param("birthDate", "03.07.1988").param("segment", "PROSPECT").param("months", "6"));
		forms.put("POST /monitoring/{id}/stop", () -> {
			Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
			return post("/monitoring/{id}/stop", watched(tenant).watch().id().value()).with(user(fixtures.admin(tenant)));
		});
		forms.put("POST /monitoring/lists", () -> multipart("/monitoring/lists")
			.file(new MockMultipartFile("file", "clients.csv", "text/csv",
					"Фамилия;Имя;Дата рождения\nИванов;Иван;01.01.1980\n".getBytes(StandardCharsets.UTF_8)))
			.param("name", "Список " + UUID.randomUUID()).param("segment", "PROSPECT").param("months", "6")
			.with(user(brokerAdmin)));
		forms.put("POST /signals/{id}/assign", () -> {
			Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
			return post("/signals/{id}/assign", watched(tenant).signal().id().value()).with(user(fixtures.admin(tenant)));
		});
		forms.put("POST /signals/{id}/outcome", () -> {
			Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
			return post("/signals/{id}/outcome", watched(tenant).signal().id().value()).param("outcome", "NO_ANSWER")
				.with(user(fixtures.admin(tenant)));
		});
		forms.put("POST /signals/ranking", () -> post("/signals/ranking").param("segment", "PROSPECT")
			.param("eventType", "APPLICATION").param("priority", "2").with(user(brokerAdmin)));
		forms.put("POST /signals/ranking/reset", () -> post("/signals/ranking/reset").param("segment", "PROSPECT")
			.param("eventType", "APPLICATION").with(user(brokerAdmin)));

		forms.put("POST /api-keys", () -> post("/api-keys").param("name", "CRM").with(user(brokerAdmin)));
		forms.put("POST /api-keys/{id}/revoke", () -> post("/api-keys/{id}/revoke", broker.apiKey().key().id().value())
			.with(user(brokerAdmin)));

		forms.put("POST /webhooks", () -> post("/webhooks").param("url", "http://127.0.0.1:9/crm").param("description", "CRM")
			.with(user(brokerAdmin)));
		forms.put("POST /webhooks/{id}/enabled", () -> post("/webhooks/{id}/enabled", webhook(broker).id().value())
			.param("enabled", "false").with(user(brokerAdmin)));
		forms.put("POST /webhooks/{id}/rotate-secret", () -> post("/webhooks/{id}/rotate-secret", webhook(broker).id().value())
			.with(user(brokerAdmin)));
		forms.put("POST /webhooks/{id}/test", () -> post("/webhooks/{id}/test", webhook(broker).id().value())
			.with(user(brokerAdmin)));
		// Without Kafka here the switch is not offered: the page says so and nothing changes.
		forms.put("POST /webhooks/kafka", () -> post("/webhooks/kafka").param("enabled", "true").with(user(brokerAdmin)));
		forms.put("POST /webhooks/{id}/event-types", () -> post("/webhooks/{id}/event-types", webhook(broker).id().value())
			.param("eventTypes", "signal.raised").with(user(brokerAdmin)));
		forms.put("POST /crm/amocrm/keys", () -> post("/crm/amocrm/keys").param("subdomain", "mybroker.amocrm.ru")
			.param("clientId", "0f2c6c1e-integration").param("clientSecret", "secret").with(user(brokerAdmin)));
		forms.put("POST /crm/amocrm/connect", () -> post("/crm/amocrm/connect").with(user(amoCrmAdmin())));
		forms.put("POST /crm/amocrm/action", () -> post("/crm/amocrm/action").param("action", "LEAD")
			.param("pipelineId", "7001").param("statusId", "142").with(user(amoCrmAdmin())));
		forms.put("POST /crm/amocrm/disconnect", () -> post("/crm/amocrm/disconnect").with(user(amoCrmAdmin())));
		forms.put("POST /crm/bitrix24/keys", () -> post("/crm/bitrix24/keys").param("portal", "https://mybroker.bitrix24.ru/")
			.param("clientId", "local.6667fc928a50a9.70414732").param("clientSecret", "secret").with(user(brokerAdmin)));
		forms.put("POST /crm/bitrix24/connect", () -> post("/crm/bitrix24/connect").with(user(bitrix24Admin())));
		forms.put("POST /crm/bitrix24/action", () -> post("/crm/bitrix24/action").param("action", "DEAL")
			.param("categoryId", "3").param("stageId", "C3:NEW").with(user(bitrix24Admin())));
		forms.put("POST /crm/bitrix24/disconnect", () -> post("/crm/bitrix24/disconnect").with(user(bitrix24Admin())));
		forms.put("POST /crm/bitrix24/subscribe", () -> post("/crm/bitrix24/subscribe").with(user(bitrix24Admin())));
		forms.put("POST /crm/bitrix24/pipelines", () -> post("/crm/bitrix24/pipelines").with(user(bitrix24Admin())));
		forms.put("POST /crm/amocrm/pipelines", () -> post("/crm/amocrm/pipelines").with(user(amoCrmAdmin())));
		forms.put("POST /webhooks/deliveries/{id}/redeliver", () -> {
			WebhookEndpoint endpoint = webhook(broker);
			return post("/webhooks/deliveries/{id}/redeliver",
					deliveries.sendTest(broker.tenant().id(), endpoint.id()).value()).with(user(brokerAdmin));
		});

		forms.put("POST /users", () -> post("/users").param("displayName", "Пётр").param("email", mail("user"))
			.param("role", "MANAGER").param("password", Fixtures.PASSWORD).with(user(brokerAdmin)));
		forms.put("POST /users/invite", () -> post("/users/invite").param("displayName", "Ольга")
			.param("email", mail("invited")).param("role", "MANAGER").with(user(brokerAdmin)));
		forms.put("POST /users/{id}/role", () -> post("/users/{id}/role", fixtures.manager(broker).id().value())
			.param("role", "ADMIN").with(user(brokerAdmin)));
		forms.put("POST /users/{id}/enabled", () -> post("/users/{id}/enabled", fixtures.manager(broker).id().value())
			.param("enabled", "false").with(user(brokerAdmin)));
		forms.put("POST /users/{id}/password-reset", () -> post("/users/{id}/password-reset",
				fixtures.manager(broker).id().value()).with(user(brokerAdmin)));
		forms.put("POST /users/{id}/invite-again", () -> post("/users/{id}/invite-again",
				links.invite(broker.tenant().id(), mail("again"), "Ирина", ru.kredo.accounts.Role.MANAGER, null).user().id().value())
			.with(user(brokerAdmin)));
		forms.put("POST /account/password", () -> {
			User manager = fixtures.manager(broker);
			return post("/account/password").param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "вечерний чай с лимоном").param("repeatPassword", "вечерний чай с лимоном")
				.with(user(fixtures.signedIn(manager.email().value())));
		});
		forms.put("POST /password-links/{token}", () -> {
			User manager = fixtures.manager(broker);
			String link = links.reset(broker.tenant().id(), manager.id(), null).address().getPath();
			return post(link).param("newPassword", "вечерний чай с лимоном").param("repeatPassword", "вечерний чай с лимоном");
		});

		forms.put("POST /offer-rules", () -> post("/offer-rules").param("name", "Всем").param("discountPercent", "10")
			.with(user(agencyAdmin)));
		forms.put("POST /offer-rules/{id}", () -> post("/offer-rules/{id}", rule(agency).id()).param("name", "Всем")
			.param("discountPercent", "12").with(user(agencyAdmin)));
		forms.put("POST /offer-rules/{id}/enabled", () -> post("/offer-rules/{id}/enabled", rule(agency).id())
			.param("enabled", "false").with(user(agencyAdmin)));
		forms.put("POST /offer-rules/{id}/delete", () -> post("/offer-rules/{id}/delete", rule(agency).id())
			.with(user(agencyAdmin)));
		forms.put("POST /requisites", () -> post("/requisites").param("fullName", "ООО ПКО «Тест»").param("inn", "7707083893")
			.param("ogrn", "1027700132195").param("address", "123000, г. Москва, ул. Примерная, д. 1")
			.param("phone", "+7 495 000-00-00").with(user(agencyAdmin)));
		forms.put("POST /contact-templates", () -> post("/contact-templates").param("sender", "Vozvrat")
			.param("PLAN_INSTALMENT_DUE", "{agency}: {amount} до {date}, {link}. Тел. {phone}").with(user(agencyAdmin)));
		forms.put("POST /payments/settings", () -> post("/payments/settings").param("receipts", "true").with(user(agencyAdmin)));
		forms.put("POST /debtors/portfolios", () -> multipart("/debtors/portfolios")
			.file(new MockMultipartFile("file", "registry.csv", "text/csv",
					"ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД\nЕршов Павел;02.02.1982;ПАО «Банк»;D-1;01.01.2020;10000\n"
						.getBytes(StandardCharsets.UTF_8)))
			.param("name", "Портфель " + UUID.randomUUID()).with(user(agencyAdmin)));

		forms.put("POST /debtors/disputes/{id}", () -> post("/debtors/disputes/{id}", dispute(agency))
			.param("outcome", "REJECTED").param("reason", "Платёж поступил по другому договору").with(user(agencyAdmin)));

		forms.put("POST /inbox/{id}/reply", () -> multipart("/inbox/{id}/reply", conversation(agency))
			.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
			.param("text", "Здравствуйте!").with(user(agencyAdmin)));
		forms.put("POST /inbox/{id}/note", () -> post("/inbox/{id}/note", conversation(agency)).param("text", "Заметка")
			.with(user(agencyAdmin)));
		forms.put("POST /inbox/requests/{id}/answer", () -> multipart("/inbox/requests/{id}/answer", documentRequest(agency))
			.file(new MockMultipartFile("file", "расчёт.pdf", "application/pdf", PDF)).with(user(agencyAdmin)));
		forms.put("POST /inbox/requests/{id}/decline", () -> post("/inbox/requests/{id}/decline", documentRequest(agency))
			.param("reason", "Копию уведомления выдаёт банк").with(user(agencyAdmin)));
		forms.put("POST /inbox/statements/{id}/confirm", () -> post("/inbox/statements/{id}/confirm",
				contactStatement(agency)).with(user(agencyAdmin)));
		forms.put("POST /inbox/statements/{id}/decline", () -> post("/inbox/statements/{id}/decline",
				contactStatement(agency)).param("reason", "Заявление не подписано").with(user(agencyAdmin)));
		forms.put("POST /inbox/{id}/document", () -> multipart("/inbox/{id}/document", conversation(agency))
			.file(new MockMultipartFile("file", "справка.pdf", "application/pdf", PDF)).param("title", "Справка")
			.with(user(agencyAdmin)));
		forms.put("POST /inbox/{id}/offer", () -> {
			UUID[] offerable = offerable(agency);
			return post("/inbox/{id}/offer", offerable[0]).param("debt", offerable[1].toString())
				.param("discountPercent", "20").param("validDays", "7").with(user(agencyAdmin));
		});
		forms.put("POST /inbox/{id}/take", () -> post("/inbox/{id}/take", conversation(agency)).with(user(agencyAdmin)));
		forms.put("POST /inbox/{id}/assign", () -> post("/inbox/{id}/assign", conversation(agency)).param("operator", "")
			.with(user(agencyAdmin)));

		forms.put("POST /inbox/replies", () -> post("/inbox/replies").param("title", "Привет").param("text", "Здравствуйте, {имя}!")
			.with(user(agencyAdmin)));
		forms.put("POST /inbox/replies/{id}/delete", () -> post("/inbox/replies/{id}/delete",
				cannedReplies.add(agency.tenant().id(), "Шаблон", "Текст").id()).with(user(agencyAdmin)));

		forms.put("POST /plan-policy", () -> planPolicy(post("/plan-policy")).with(user(agencyAdmin)));
		forms.put("POST /debtors/portfolios/{id}/monitoring", () -> post("/debtors/portfolios/{id}/monitoring",
				portfolio(agency)).param("months", "12").param("confirmed", "on").with(user(agencyAdmin)));
		forms.put("POST /debtors/{id}/monitoring", () -> post("/debtors/{id}/monitoring", debtorWithDebt(agency))
			.with(user(agencyAdmin)));
		forms.put("POST /debtors/portfolios/{id}/invitations", () -> post("/debtors/portfolios/{id}/invitations",
				portfolio(agency)).with(user(agencyAdmin)));
		forms.put("POST /plan-policy/portfolios/{id}", () -> planPolicy(post("/plan-policy/portfolios/{id}",
				portfolio(agency))).with(user(agencyAdmin)));
		forms.put("POST /plan-policy/portfolios/{id}/delete", () -> post("/plan-policy/portfolios/{id}/delete",
				portfolio(agency)).with(user(agencyAdmin)));
		forms.put("POST /plans/{id}/approve", () -> post("/plans/{id}/approve", plan(agency, false)).with(user(agencyAdmin)));
		forms.put("POST /debtors/{id}/call", () -> post("/debtors/{id}/call", fixtures.contact(agency).id().value())
			.with(user(agencyAdmin)));
		forms.put("POST /debtors/calls/{id}/outcome", () -> post("/debtors/calls/{id}/outcome", call(agency))
			.param("outcome", "NO_ANSWER").with(user(agencyAdmin)));
		forms.put("POST /debtors/{id}/contact-bars", () -> post("/debtors/{id}/contact-bars",
				fixtures.contact(agency).id().value()).param("kind", "MINOR").param("note", "Свидетельство о рождении")
			.with(user(agencyAdmin)));
		forms.put("POST /debtors/{id}/phones/own", () -> {
			String[] phone = bureauPhone(agency, true);
			return post("/debtors/{id}/phones/own", phone[0]).param("phone", phone[1]).with(user(agencyAdmin));
		});
		forms.put("POST /debtors/{id}/contact-bars/lift", () -> post("/debtors/{id}/contact-bars/lift",
				fixtures.contact(agency).id().value()).param("kind", "MINOR").with(user(agencyAdmin)));
		forms.put("POST /plans/{id}/propose", () -> post("/plans/{id}/propose", plan(agency, false)).param("by", "months")
			.param("months", "6").param("first", java.time.LocalDate.now().plusDays(10).toString()).with(user(agencyAdmin)));
		forms.put("POST /plans/{id}/decline", () -> post("/plans/{id}/decline", plan(agency, false))
			.param("reason", "Срок слишком долгий").with(user(agencyAdmin)));
		forms.put("POST /plans/{id}/pause", () -> post("/plans/{id}/pause", plan(agency, true))
			.param("reason", "Должник в больнице").with(user(agencyAdmin)));
		forms.put("POST /plans/{id}/resume", () -> {
			UUID plan = plan(agency, true);
			plans.pause(agency.tenant().id(), plan, "Пауза", ru.kredo.audit.AuditActor.COMMAND_LINE);
			return post("/plans/{id}/resume", plan).with(user(agencyAdmin));
		});
		forms.put("POST /plans/{id}/end", () -> post("/plans/{id}/end", plan(agency, true))
			.param("reason", "Должник просил прекратить").with(user(agencyAdmin)));

		UserDetails sandboxAdmin = sandboxAdmin();
		forms.put("POST /test-clock", () -> post("/test-clock").param("days", "1").with(user(sandboxAdmin)));

		forms.put("POST /operator/tenants", () -> post("/operator/tenants").param("name", "ООО Форма " + UUID.randomUUID())
			.param("kind", "BROKER").param("adminEmail", mail("tenant")).param("adminName", "Анна").with(user(operator)));
		forms.put("POST /operator/events", () -> multipart("/operator/events")
			.file(new MockMultipartFile("file", "bureau.jsonl", "application/x-ndjson",
					"{\"source\":\"forms\",\"eventId\":\"%s\",\"type\":\"2.2\",\"occurredAt\":\"2026-11-01\",\"subject\":{\"lastName\":\"Иванов\",\"firstName\":\"Иван\",\"birthDate\":\"01.01.1980\",\"passport\":\"4510123456\"}}"
						.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
			.with(user(operator)));
		forms.put("POST /operator/feeds", () -> post("/operator/feeds").param("name", "Бюро форм").with(user(operator)));
		forms.put("POST /operator/feeds/{feed}/revoke", () -> post("/operator/feeds/{feed}/revoke",
				feedKeys.issueFeedKey("Бюро на отзыв", ru.kredo.audit.AuditActor.COMMAND_LINE).key().id().value())
			.with(user(operator)));
		return forms;
	}

	/** A plan policy's form, every field filled in validly but for those given (name, value, name, value…). */
	private static AbstractMockHttpServletRequestBuilder<?> planPolicy(AbstractMockHttpServletRequestBuilder<?> form,
			String... changed) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("enabled", "on", "minMonths", "2", "maxMonths", "24",
				"minInstalment", "1000", "maxDaysToFirst", "30", "graceDays", "5", "daysToRepair", "15", "repairs", "1",
				"minBalance", "3000", "minDaysPastDue", "0"));
		for (int i = 0; i < changed.length; i += 2) {
			fields.put(changed[i], changed[i + 1]);
		}
		fields.forEach(form::param);
		return form;
	}

	/** A portfolio of the agency's, empty. */
	/** The admin of a new sandbox tenant: only a sandbox has «Тестовые часы» (docs/sandbox.md). */
	private UserDetails sandboxAdmin() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return fixtures.admin(provisioning.provision("Песочница " + unique, TenantKind.COLLECTOR, true,
				"admin-" + unique + "@test.kredo", "Админ " + unique, Fixtures.PASSWORD,
				ru.kredo.audit.AuditActor.COMMAND_LINE));
	}

	private UUID portfolio(Provisioned agency) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, now())")
			.params(id, agency.tenant().id().value(), "Портфель " + id).update();
		return id;
	}

	/** A debtor of the agency's with an open debt. */
	private UUID debtorWithDebt(Provisioned agency) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "Д-" + UUID.randomUUID().toString().substring(0, 8),
				java.time.LocalDate.of(2021, 1, 1), null, ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO,
						Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 100);
		return debtor.id().value();
	}

	/** An operator's call to a debtor of the agency's, made and counted, its outcome not yet recorded. */
	/** A debtor of the agency and a phone a bureau gave for him (E.164), confirmed by his sign-in or not. */
	private String[] bureauPhone(Provisioned agency, boolean confirmed) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		String phone = "+7926" + "%07d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
		bureauPhones.record(agency.tenant().id(), debtor.id(), new ru.kredo.contacts.PhoneNumber(phone), UUID.randomUUID(),
				1L);
		if (confirmed) {
			bureauPhones.confirm(agency.tenant().id(), debtor.id(), personalData.index("phone", phone));
		}
		return new String[] { debtor.id().value().toString(), phone };
	}

	private UUID call(Provisioned agency) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, channel, kind, initiative, state, counted, purpose,
				    sent_at, actor, created_at, updated_at)
				values (?, ?, ?, 'CALL', 'CALL', 'COLLECTION', 'SENT', true, 'call', now(), 'Оператор', now(), now())""")
			.params(id, agency.tenant().id().value(), debtor.id().value()).update();
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "Д-" + id.toString().substring(0, 8),
				java.time.LocalDate.of(2021, 1, 1), null, ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO,
						Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 100);
		return id;
	}

	/** An open dispute of a debt of the agency's. */
	private UUID dispute(Provisioned agency) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		ru.kredo.collections.Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»",
				"Д-" + UUID.randomUUID().toString().substring(0, 8), java.time.LocalDate.of(2021, 1, 1), null,
				ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"),
						Money.ZERO), 100);
		return disputes.open(agency.tenant().id(), debtor.id(), debt.id(), ru.kredo.collections.DisputeReason.OTHER,
				"Не согласна").id();
	}

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A restructuring plan of a debtor of the agency's: requested outside the policy (36 months), or signed with a
	 * texted code as the cabinet signs it and running (3 months).
	 */
	private UUID plan(Provisioned agency, boolean running) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		ru.kredo.collections.Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»",
				"Д-" + UUID.randomUUID().toString().substring(0, 8), java.time.LocalDate.of(2021, 1, 1), null,
				ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("60000.00"),
						Money.ZERO), 100);
		ru.kredo.plans.Plan plan = plans.request(agency.tenant().id(), debtor.id(), debt.id(),
				ru.kredo.plans.PlanReason.OTHER, null, null, new ru.kredo.plans.Terms.ByMonths(running ? 3 : 36),
				java.time.LocalDate.now().plusDays(10), ru.kredo.plans.Plans.debtor(debtor.id()));
		if (running) {
			long sent = texted.count(agency.tenant().id());
			ru.kredo.cabinet.CabinetSignIn.Challenge challenge = signIn.startSignature(agency.tenant(), debtor.name(),
					debtor.phone(), debt.contractNumber());
			signIn.confirm(agency.tenant(), challenge.id(), texted.latest(agency.tenant().id(), (int) sent + 1));
			plans.sign(agency.tenant().id(), debtor.id(), plan.id(), challenge.id(), "План");
		}
		return plan.id();
	}

	/** An open document request of a debtor of the agency's. */
	/** A debtor's refusal of interaction (ст. 8), waiting in the agency's inbox. */
	private UUID contactStatement(Provisioned agency) {
		String phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		ru.kredo.contacts.Contact debtor = contactsOf.add(agency.tenant().id(),
				new ru.kredo.contacts.FullName("Отказова", "Вера", "Ивановна"), java.time.LocalDate.of(1980, 1, 1), null, null,
				null, ru.kredo.contacts.PhoneNumber.parse(phone), null);
		return contactStatements.refuse(agency.tenant().id(), debtor.id(),
				new ru.kredo.conversations.Upload("отказ.pdf", PDF)).id();
	}

	private UUID documentRequest(Provisioned agency) {
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		ru.kredo.collections.Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»",
				"Д-" + UUID.randomUUID().toString().substring(0, 8), java.time.LocalDate.of(2021, 1, 1), null,
				ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"),
						Money.ZERO), 100);
		return documentRequests.request(agency.tenant().id(), debtor.id(), debt.id(),
				ru.kredo.docrequests.DocumentType.DEBT_CALCULATION, "").id();
	}

	/**
	 * A conversation whose debtor has an open debt the agency may offer a discount on (its ceiling: a 30 % rule for
	 * debts older than this one): the conversation's id and the debt's.
	 */
	private UUID[] offerable(Provisioned agency) {
		offers.addRule(agency.tenant().id(), "Потолок " + UUID.randomUUID(), 9999, Money.ZERO, 30, 14, PartPolicy.IN_FULL);
		ru.kredo.contacts.Contact debtor = fixtures.contact(agency);
		ru.kredo.collections.Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»",
				"Д-" + UUID.randomUUID().toString().substring(0, 8), java.time.LocalDate.of(2021, 1, 1), null,
				ru.kredo.collections.DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"),
						Money.ZERO), 100);
		UUID conversation = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Дайте скидку", null)
			.conversationId().value();
		return new UUID[] { conversation, debt.id().value() };
	}

	private java.util.UUID conversation(Provisioned agency) {
		return conversations.fromDebtor(agency.tenant().id(), fixtures.contact(agency).id(), "Вопрос", null)
			.conversationId().value();
	}

	private WatchedWithSignal watched(Provisioned tenant) {
		return fixtures.watchedWithSignal(tenant);
	}

	private WebhookEndpoint webhook(Provisioned tenant) {
		return webhooks.add(tenant.tenant().id(), "http://127.0.0.1:9/kredo", "CRM");
	}

	private OfferRule rule(Provisioned agency) {
		return offers.addRule(agency.tenant().id(), "Правило " + UUID.randomUUID(), 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
	}

	private static String mail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kredo";
	}

	/** A broker's admin whose tenant has its amoCRM integration's keys saved (not yet connected). */
	private UserDetails amoCrmAdmin() {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		amoCrm.saveKeys(tenant.tenant().id(), "mybroker", "0f2c6c1e-integration", "secret", java.time.Instant.now());
		return fixtures.admin(tenant);
	}

	/** A broker's admin whose tenant has its Bitrix24 portal and application's keys saved (not yet connected). */
	private UserDetails bitrix24Admin() {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		bitrix24.saveKeys(tenant.tenant().id(), "mybroker.bitrix24.ru", "local.6667fc928a50a9.70414732", "secret",
				java.time.Instant.now());
		return fixtures.admin(tenant);
	}
}
