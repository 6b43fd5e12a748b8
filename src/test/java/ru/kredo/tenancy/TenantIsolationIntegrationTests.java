package ru.kredo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.collections.internal.PortfolioDefaults;
import ru.kredo.collections.internal.PortfolioImport;
import ru.kredo.collections.internal.PortfolioImporting;
import ru.kredo.collections.internal.PortfolioImports;
import ru.kredo.contacts.Contact;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.monitoring.internal.ImportDefaults;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.monitoring.internal.ListImport;
import ru.kredo.monitoring.internal.ListImporting;
import ru.kredo.signals.Signals;
import ru.kredo.tabular.ImportSpool;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookDeliveryId;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * Tenant A's admin and API key ask for every object of tenant B, through every page and endpoint whose path takes
 * an id, and get 404 each time; B's objects are unchanged afterwards. New endpoints are covered as they appear.
 */
@IntegrationTest
class TenantIsolationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Watches watches;

	@Autowired
	Signals signals;

	@Autowired
	WebhookEndpoints webhookEndpoints;

	@Autowired
	WebhookDeliveries webhookDeliveries;

	@Autowired
	PortfolioImporting portfolioImporting;

	@Autowired
	PortfolioImports portfolioImports;

	@Autowired
	ListImporting listImporting;

	@Autowired
	ImportRecords listImports;

	@Autowired
	ImportSpool spool;

	@Autowired
	ru.kredo.conversations.Conversations conversations;

	@Autowired
	ru.kredo.conversations.CannedReplies cannedReplies;

	@Autowired
	ru.kredo.collections.Debts debts;

	@Autowired
	ru.kredo.collections.Disputes disputes;

	@Autowired
	ru.kredo.collections.Offers offers;

	@Autowired
	ru.kredo.collections.AgencyRequisites requisites;

	@Autowired
	ru.kredo.docrequests.DocumentRequests documentRequests;

	@Autowired
	ru.kredo.contacting.ContactStatements statements;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Provisioned a;
	Provisioned b;
	/** Another agency, like B: the pages of agencies only must answer it 404 for B's objects too, not for its kind. */
	Provisioned c;
	List<String> objectsOfB;
	User managerOfB;
	WebhookEndpoint webhookOfB;
	Fixtures.WatchedWithSignal watched;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	java.util.UUID callOfB;

	/** How many contact attempts B's objects made (its call; the codes its signing texted, through the gate). */
	long attemptsOfB;

	/** The bars standing on B's debtor after setup (its open dispute's). */
	long barsOfB;

	@BeforeEach
	void twoTenants() throws Exception {
		a = fixtures.tenant(TenantKind.BROKER);
		b = fixtures.tenant(TenantKind.COLLECTOR);
		c = fixtures.tenant(TenantKind.COLLECTOR);
		Contact contact = fixtures.contact(b);
		managerOfB = fixtures.manager(b);
		webhookOfB = webhookEndpoints.add(b.tenant().id(), "http://127.0.0.1:9/kredo", "CRM");
		WebhookDeliveryId deliveryOfB = webhookDeliveries.sendTest(b.tenant().id(), webhookOfB.id());
		watched = fixtures.watchedWithSignal(b);
		PortfolioImport portfolioOfB = portfolioImport(b);
		ListImport listOfB = listImport(b);
		ru.kredo.conversations.Message messageOfB = conversations.fromDebtor(b.tenant().id(), contact.id(), "Чек",
				new ru.kredo.conversations.Upload("чек.pdf", "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		ru.kredo.collections.Debt debtOfB = debts.add(b.tenant().id(), contact.id(), "Банк", "КД-B", java.time.LocalDate.of(2021, 1, 1),
				null, ru.kredo.collections.DebtComponents.of(ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ZERO,
						ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ofRoubles("1000.00"), ru.kredo.money.Money.ZERO), 400);
		String disputeOfB = disputes.open(b.tenant().id(), contact.id(), debtOfB.id(),
				ru.kredo.collections.DisputeReason.NOT_MINE, "Не мой").id().toString();
		java.util.UUID requestOfB = documentRequests.request(b.tenant().id(), contact.id(), debtOfB.id(),
				ru.kredo.docrequests.DocumentType.DEBT_CALCULATION, "Для суда").id();
		java.util.UUID answeredOfB = documentRequests.request(b.tenant().id(), contact.id(), debtOfB.id(),
				ru.kredo.docrequests.DocumentType.BANK_CERTIFICATE, "").id();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/inbox/requests/{id}/answer", answeredOfB)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "справка.pdf", "application/pdf",
					"%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
			.with(user(fixtures.admin(b))).with(csrf()));
		java.util.UUID documentOfB = documentRequests.get(b.tenant().id(), answeredOfB).documentId();
		assertThat(documentOfB).isNotNull();
		// A debt of B's under a signed settlement, whose copy B's staff download; C has requisites of its own, so
		// that nothing but the tenant stands between C and the copy.
		ru.kredo.collections.Debt signedOfB = debts.add(b.tenant().id(), contact.id(), "Банк", "КД-B-2",
				java.time.LocalDate.of(2021, 1, 1), null, ru.kredo.collections.DebtComponents.of(ru.kredo.money.Money.ZERO,
						ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ofRoubles("1000.00"),
						ru.kredo.money.Money.ZERO), 400);
		for (Provisioned agency : List.of(b, c)) {
			requisites.save(agency.tenant().id(), new ru.kredo.documents.Agency("ООО ПКО «Тест»", "7701234560",
					"1027700000008", "г. Москва, ул. Тестовая, д. 1", "+7 495 000-00-00"));
		}
		offers.addRule(b.tenant().id(), "Скидка", 0, ru.kredo.money.Money.ZERO, 10, 14,
				ru.kredo.collections.PartPolicy.IN_FULL);
		offers.accept(b.tenant().id(), signedOfB.id(), java.util.UUID.randomUUID(), 1,
				offers.find(b.tenant().id(), signedOfB.id()).orElseThrow().offerAmount(), "Условия.");
		// A debtor's statement under ст. 8 (a refusal, waiting in B's inbox).
		java.util.UUID statementOfB = statements.refuse(b.tenant().id(), contact.id(),
				new ru.kredo.conversations.Upload("отказ.pdf", "%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
			.id();

		// An operator's call to B's debtor, its outcome not recorded (contact_attempts, issue 14).
		callOfB = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into contact_attempts (id, tenant_id, contact_id, channel, kind, initiative, state, counted, purpose,
				    sent_at, actor, created_at, updated_at)
				values (?, ?, ?, 'CALL', 'CALL', 'COLLECTION', 'SENT', true, 'call', now(), 'Оператор', now(), now())""")
			.params(callOfB, b.tenant().id().value(), contact.id().value()).update();
		// … and the promise to pay B's debtor made on it, due (the inbox's «Обещания оплатить»).
		java.util.UUID promiseOfB = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into contact_promises (id, tenant_id, contact_id, debt_id, call_id, amount, due_on, promised_at, actor)
				values (?, ?, ?, ?, ?, 50000, current_date - 1, now(), 'Оператор')""")
			.params(promiseOfB, b.tenant().id().value(), contact.id().value(), debtOfB.id().value(), callOfB).update();

		// The offer of that settlement (GET /api/v1/offers/{id}).
		java.util.UUID offerOfB = offers.find(b.tenant().id(), signedOfB.id()).orElseThrow().id();

		objectsOfB = List.of(offerOfB.toString(), statementOfB.toString(), callOfB.toString(), promiseOfB.toString(), signedOfB.id().toString(), requestOfB.toString(), answeredOfB.toString(), documentOfB.toString(),
				messageOfB.conversationId().toString(), disputeOfB,
				cannedReplies.add(b.tenant().id(), "Шаблон", "Здравствуйте, {имя}").id().toString(),
				messageOfB.attachments().getFirst().id().toString(), contact.id().toString(), managerOfB.id().toString(),
				b.apiKey().key().id().toString(),
				b.admin().id().toString(), webhookOfB.id().toString(), deliveryOfB.toString(),
				watched.watch().id().toString(), watched.signal().id().toString(), portfolioOfB.id().toString(),
				listOfB.id().toString(), listOfB.listId().toString());
		attemptsOfB = jdbc.sql("select count(*) from contact_attempts where tenant_id = ?").param(b.tenant().id().value())
			.query(Long.class).single();
		barsOfB = jdbc.sql("select count(*) from contact_bars where tenant_id = ? and lifted_at is null")
			.param(b.tenant().id().value()).query(Long.class).single();
	}

	private ListImport listImport(Provisioned tenant) throws Exception {
		Path file = spool.newFile();
		Files.writeString(file, "ФИО;Дата рождения\nСемёнова Анна Петровна;14.03.1985\nБез даты;\n");
		ListImport started = listImporting.start(tenant.tenant().id(), "test", "Список должников", "l.csv", file,
				new ImportDefaults(Segment.DEBTOR, 6, null, null, null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !listImports.get(tenant.tenant().id(), started.id()).isRunning());
		return started;
	}

	private PortfolioImport portfolioImport(Provisioned tenant) throws Exception {
		Path file = spool.newFile();
		Files.writeString(file, "ФИО;Дата рождения;Кредитор;Номер договора;Дата договора;ОД\n"
				+ "Семёнова Анна Петровна;14.03.1985;Банк;КД-1;01.01.2020;1000\n");
		PortfolioImport started = portfolioImporting.start(tenant.tenant().id(), "test", "Портфель", "r.csv", file,
				PortfolioDefaults.none());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !portfolioImports.get(tenant.tenant().id(), started.id()).isRunning());
		return started;
	}

	@Test
	void pagesAnswer404ForEveryObjectOfAnotherTenant() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Provisioned stranger : List.of(a, c)) {
			for (Endpoint endpoint : endpointsWithId(false)) {
				for (String id : objectsOfB) {
					int status = mvc.perform(endpoint.request(id).with(user(fixtures.admin(stranger))).with(csrf())
						.param("role", "ADMIN").param("enabled", "false").param("name", "x"))
						.andReturn().getResponse().getStatus();
					if (status != 404) {
						leaks.add(stranger.tenant().kind() + " " + endpoint + " " + id + " -> " + status);
					}
				}
			}
		}
		assertThat(leaks).isEmpty();
		assertBUnchanged();
	}

	@Test
	void apiAnswers404ForEveryObjectOfAnotherTenant() throws Exception {
		List<String> leaks = new ArrayList<>();
		// A broker's key, and another agency's: the agencies' endpoints must answer it 404 for B's objects too.
		for (Provisioned stranger : List.of(a, c)) {
			for (Endpoint endpoint : endpointsWithId(true)) {
				for (String id : objectsOfB) {
					int status = mvc.perform(endpoint.request(id)
						.header("Authorization", "Bearer " + stranger.apiKey().secret()))
						.andReturn().getResponse().getStatus();
					if (status != 404) {
						leaks.add(stranger.tenant().kind() + " " + endpoint + " " + id + " -> " + status);
					}
				}
			}
		}
		assertThat(leaks).isEmpty();
		assertBUnchanged();
	}

	@Test
	void listsShowNothingOfAnotherTenant() throws Exception {
		for (String page : List.of("/contacts", "/users", "/api-keys", "/audit", "/webhooks")) {
			String html = mvc.perform(get(page).with(user(fixtures.admin(a)))).andReturn().getResponse().getContentAsString();
			assertThat(objectsOfB).as(page).noneMatch(html::contains);
			assertThat(html).as(page).doesNotContain(managerOfB.displayName());
		}
		for (String page : List.of("/debtors", "/debtors/portfolios", "/contacts", "/inbox", "/inbox/promises")) {
			String html = mvc.perform(get(page).with(user(fixtures.admin(c)))).andReturn().getResponse().getContentAsString();
			assertThat(objectsOfB).as(page).noneMatch(html::contains);
		}
		for (String endpoint : List.of("/api/v1/contacts", "/api/v1/users", "/api/v1/api-keys", "/api/v1/lists",
				"/api/v1/webhook-endpoints")) {
			String json = mvc.perform(get(endpoint).header("Authorization", "Bearer " + a.apiKey().secret()))
				.andReturn().getResponse().getContentAsString();
			assertThat(objectsOfB).as(endpoint).noneMatch(json::contains);
		}
		String promises = mvc.perform(get("/api/v1/promises").header("Authorization", "Bearer " + c.apiKey().secret()))
			.andReturn().getResponse().getContentAsString();
		assertThat(promises).contains("\"items\":[]", "\"total\":0");
		for (String endpoint : List.of("/api/v1/conversations", "/api/v1/disputes", "/api/v1/offers")) {
			String json = mvc.perform(get(endpoint).header("Authorization", "Bearer " + c.apiKey().secret()))
				.andReturn().getResponse().getContentAsString();
			assertThat(json).as(endpoint).contains("\"total\":0");
			assertThat(objectsOfB).as(endpoint).noneMatch(json::contains);
		}
	}

	@Test
	void theSweepReallyCoversTheObjectEndpoints() {
		assertThat(endpointsWithId(false)).extracting(Endpoint::toString)
			.contains("GET /contacts/{id}", "GET /users/{id}", "POST /users/{id}/role", "POST /api-keys/{id}/revoke",
					"GET /webhooks/{id}", "POST /webhooks/{id}/enabled", "POST /webhooks/deliveries/{id}/redeliver",
					"POST /webhooks/{id}/event-types",
					"GET /monitoring/imports/{id}", "GET /monitoring/imports/{id}/errors.csv", "GET /debtors/{id}",
					"GET /debtors/{id}/cabinet-activity", "GET /debtors/portfolios/imports/{id}",
					"GET /debtors/portfolios/imports/{id}/progress", "GET /debtors/portfolios/imports/{id}/errors.csv",
					"GET /inbox/{id}", "GET /inbox/{id}/stream", "POST /inbox/{id}/reply", "POST /inbox/{id}/note",
					"POST /inbox/{id}/take", "POST /inbox/{id}/assign", "GET /inbox/attachments/{id}",
					"GET /inbox/{id}/export.csv", "POST /inbox/replies/{id}/delete", "GET /inbox/requests/{id}",
					"POST /inbox/requests/{id}/answer", "POST /inbox/requests/{id}/decline", "GET /inbox/requests/of/{id}",
					"GET /inbox/documents/{id}", "GET /inbox/{id}/document", "POST /inbox/{id}/document",
					"POST /inbox/{id}/offer", "GET /inbox/{id}/export.pdf", "GET /debtors/debts/{id}/agreement.pdf",
					"GET /inbox/statements/{id}", "GET /inbox/statements/{id}/file", "POST /inbox/statements/{id}/confirm",
					"POST /inbox/statements/{id}/decline", "GET /inbox/statements/of/{id}",

					"GET /debtors/{id}/contacting", "GET /debtors/{id}/contact-log", "GET /debtors/{id}/contact-log.csv",
					"POST /debtors/{id}/call", "GET /debtors/calls/{id}", "POST /debtors/calls/{id}/outcome",
					"POST /debtors/{id}/contact-bars", "POST /debtors/{id}/contact-bars/lift",
					"POST /debtors/{id}/phones/own");
		assertThat(endpointsWithId(true)).extracting(Endpoint::toString)
			.contains("GET /api/v1/contacts/{id}", "GET /api/v1/users/{id}", "DELETE /api/v1/api-keys/{id}",
					"GET /api/v1/watches/{id}", "DELETE /api/v1/watches/{id}", "GET /api/v1/signals/{id}",
					"POST /api/v1/signals/{id}/outcome", "GET /api/v1/lists/imports/{id}",
					"GET /api/v1/lists/imports/{id}/errors", "GET /api/v1/conversations/{id}",
					"POST /api/v1/conversations/{id}/messages", "POST /api/v1/conversations/{id}/notes",
					"POST /api/v1/conversations/{id}/read", "GET /api/v1/conversations/{id}/attachments/{attachmentId}",
					"GET /api/v1/disputes/{id}", "POST /api/v1/disputes/{id}/resolution",
					"GET /api/v1/document-requests/{id}", "POST /api/v1/document-requests/{id}/answer",
					"POST /api/v1/document-requests/{id}/decline", "GET /api/v1/debtors/{id}/contact-standing",
					"GET /api/v1/debtors/{id}/contact-log", "POST /api/v1/debtors/{id}/calls",
					"POST /api/v1/calls/{id}/outcome", "POST /api/v1/debtors/{id}/contact-bars",
					"DELETE /api/v1/debtors/{id}/contact-bars/{kind}", "GET /api/v1/webhook-endpoints/{id}",
					"PATCH /api/v1/webhook-endpoints/{id}", "DELETE /api/v1/webhook-endpoints/{id}",
					"POST /api/v1/webhook-endpoints/{id}/secret/rotate", "POST /api/v1/webhook-endpoints/{id}/test",
					"GET /api/v1/webhook-endpoints/{id}/deliveries", "POST /api/v1/webhook-deliveries/{id}/redeliver",
					"GET /api/v1/debtors/{id}/phones", "POST /api/v1/debtors/{id}/phones/own",
					"POST /api/v1/portfolios/{id}/monitoring", "POST /api/v1/portfolios/{id}/invitations",
					"GET /api/v1/statements/{id}", "POST /api/v1/statements/{id}/confirm",
					"POST /api/v1/statements/{id}/decline", "POST /api/v1/conversations/{id}/offers",
					"POST /api/v1/conversations/{id}/documents", "GET /api/v1/offers/{id}");
	}

	private void assertBUnchanged() {
		assertThat(apiKeys.get(b.tenant().id(), b.apiKey().key().id()).isRevoked()).isFalse();
		assertThat(accounts.get(b.tenant().id(), managerOfB.id())).isEqualTo(managerOfB);
		assertThat(webhookEndpoints.get(b.tenant().id(), webhookOfB.id())).isEqualTo(webhookOfB);
		assertThat(watches.get(b.tenant().id(), watched.watch().id()).status()).isEqualTo(WatchStatus.ACTIVE);
		assertThat(signals.get(b.tenant().id(), watched.signal().id())).isEqualTo(watched.signal());
		assertThat(disputes.countOpen(b.tenant().id())).as("B's dispute still open").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from contact_attempts where tenant_id = ?").param(b.tenant().id().value())
			.query(Long.class).single()).as("B's contact log holds only what B's own objects made").isEqualTo(attemptsOfB);
		assertThat(jdbc.sql("select outcome from contact_attempts where id = ?").param(callOfB).query(String.class)
			.optional()).as("B's call has no outcome recorded by another").isEmpty();
		assertThat(jdbc.sql("select count(*) from contact_bars where tenant_id = ? and lifted_at is null")
			.param(b.tenant().id().value()).query(Long.class).single())
			.as("no bar marked or lifted on B's debtor by another (B's open dispute bars its debt)").isEqualTo(barsOfB);
		assertThat(conversations.list(b.tenant().id(), ru.kredo.conversations.ConversationFilter.ALL, null, 0, 10).items())
			.singleElement().satisfies(line -> assertThat(line.conversation().staffUnread()).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from offers where tenant_id = ? and rule_id is null")
			.param(b.tenant().id().value()).query(Long.class).single())
			.as("no settlement offered in B's conversation by another").isZero();
		assertThat(jdbc.sql("select count(*) from debtor_documents where tenant_id = ? and source = 'CONVERSATION'")
			.param(b.tenant().id().value()).query(Long.class).single())
			.as("no document sent into B's conversation by another").isZero();
	}

	private List<Endpoint> endpointsWithId(boolean api) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.contains("{id}") && pattern.startsWith("/api/") == api) {
					(methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
						.forEach(method -> endpoints.add(new Endpoint(method.asHttpMethod(), pattern)));
				}
			}
		}
		return endpoints;
	}

	record Endpoint(HttpMethod method, String pattern) {

		MockHttpServletRequestBuilder request(String id) {
			return MockMvcRequestBuilders.request(method, pattern.replace("{id}", id).replaceAll("\\{[^}]+\\}", "x"));
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}
}
