package ru.kredo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.ContactStatement;
import ru.kredo.contacting.ContactStatements;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Upload;
import ru.kredo.docrequests.DocumentRequest;
import ru.kredo.docrequests.DocumentRequests;
import ru.kredo.docrequests.DocumentType;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Conversations conversations;

	@Autowired
	DocumentRequests requests;

	@Autowired
	ContactStatements statements;

	@Autowired
	Reachable reachable;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void thePagePagesPastFiveHundredWithATotalAndFindsByActorActionDateAndSubject() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		AuditActor robot = new AuditActor("api-key:robot", "Робот CRM");
		for (int i = 0; i < 600; i++) {
			audit.record(tenant.tenant().id(), robot, AuditAction.WATCH_ADDED, "watch", "w-" + i, "api");
		}
		AuditActor inspector = new AuditActor("user:inspector", "Проверяющая Ольга");
		audit.record(tenant.tenant().id(), inspector, AuditAction.PERSONAL_DATA_VIEWED, "contact", "c-needle", null);
		// An old entry, long before the others.
		jdbc.sql("update audit_events set occurred_at = '2025-01-15T10:00:00+03' where tenant_id = ? and object_id = 'w-0'")
			.param(tenant.tenant().id().value()).update();
		long all = audit.count(tenant.tenant().id(), AuditQuery.ALL);
		assertThat(all).isGreaterThan(600);

		String lastPage = page(tenant, "page", "12");
		assertThat(lastPage).contains("из " + all).contains("w-0").doesNotContain("c-needle");

		assertThat(page(tenant, "actor", "ольга")).contains("c-needle", "Показано 1–1 из 1").doesNotContain("w-1<");
		assertThat(page(tenant, "actor", "user:inspector")).contains("c-needle", "из 1");
		assertThat(page(tenant, "action", "PERSONAL_DATA_VIEWED")).contains("c-needle").doesNotContain("w-5<");
		assertThat(page(tenant, "subject", "w-42")).contains("w-42", "Показано 1–1 из 1");
		assertThat(page(tenant, "to", "2025-01-15", "from", "2025-01-15")).contains("w-0", "Показано 1–1 из 1");
		assertThat(page(tenant, "to", "2025-01-14")).contains("Всего: 0");
	}

	@Test
	void anAdminExportsAPeriodAsCsvWithFormulasNeutralisedAndTheExportIsAudited() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		audit.record(tenant.tenant().id(), new AuditActor("api-key:x", "=HYPERLINK(\"http://evil\")"),
				AuditAction.API_KEY_ISSUED, "api-key", "k-1", null);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

		String csv = mvc.perform(get("/audit/export.csv").param("from", today.minusDays(1).toString())
			.param("to", today.toString()).with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFFЖурнал действий за ").contains("'=HYPERLINK(\"\"http://evil\"\")", "k-1")
			.doesNotContain(";=HYPERLINK");
		assertThat(audit.latest(tenant.tenant().id(), 1)).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
			assertThat(e.objectType()).isEqualTo("audit");
			assertThat(e.detail()).startsWith("rows:").contains(";period:" + today.minusDays(1) + ".." + today);
		});
	}

	@Test
	void aManagerCannotReadOrExportTheLog() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		mvc.perform(get("/audit").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export.csv").with(user(manager))).andExpect(status().isForbidden());
	}

	/**
	 * 152-ФЗ: «who looked at my data?» is one search by the person. A manager opens a debtor's conversation, a
	 * document request of his and his statement: each entry is on its own object, and the admin's search by the
	 * debtor finds all three, with the debtor card's entries, and none of another debtor's.
	 */
	@Test
	void aSearchByADebtorFindsTheViewsOfHisConversationDocumentRequestAndStatement() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = debtor(agency);
		Contact other = debtor(agency);
		Debt debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		conversations.fromDebtor(tenant, debtor.id(), "Кто смотрел мои данные?", null);
		conversations.fromDebtor(tenant, other.id(), "Здравствуйте", null);
		Conversation his = conversations.find(tenant, debtor.id()).orElseThrow();
		Conversation theOthers = conversations.find(tenant, other.id()).orElseThrow();
		DocumentRequest request = requests.request(tenant, debtor.id(), debt.id(), DocumentType.OTHER, "справку");
		ContactStatement statement = statements.refuse(tenant, debtor.id(), new Upload("отказ.pdf", PDF));
		var manager = fixtures.signedIn(fixtures.manager(agency).email().value());

		mvc.perform(get("/inbox/" + his.id().value()).with(user(manager))).andExpect(status().isOk());
		mvc.perform(get("/inbox/" + theOthers.id().value()).with(user(manager))).andExpect(status().isOk());
		mvc.perform(get("/inbox/requests/" + request.id()).with(user(manager))).andExpect(status().isOk());
		mvc.perform(get("/inbox/statements/" + statement.id()).with(user(manager))).andExpect(status().isOk());

		AuditQuery views = new AuditQuery(null, AuditAction.PERSONAL_DATA_VIEWED, null, null, debtor.id().toString());
		assertThat(audit.search(tenant, views, 0, 50)).extracting(AuditEvent::objectType, AuditEvent::objectId)
			.containsExactlyInAnyOrder(tuple("conversation", his.id().value().toString()),
					tuple("document-request", request.id().toString()),
					tuple("contact-statement", statement.id().toString()));
		assertThat(page(agency, "subject", debtor.id().toString()))
			.contains(his.id().value().toString(), request.id().toString(), statement.id().toString())
			.doesNotContain(theOthers.id().value().toString());
		// The search by the object itself still finds its own entries only.
		assertThat(audit.search(tenant, new AuditQuery(null, null, null, null, request.id().toString()), 0, 50))
			.extracting(AuditEvent::objectId).containsOnly(request.id().toString());
	}

	/** The entries written before the person was recorded get him from their objects (V202612130700's backfill). */
	@Test
	void theMigrationGivesTheEntriesWrittenBeforeItTheirPerson() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = debtor(agency);
		Debt debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		conversations.fromDebtor(tenant, debtor.id(), "Здравствуйте", null);
		Conversation his = conversations.find(tenant, debtor.id()).orElseThrow();
		AuditActor operator = new AuditActor("user:operator", "Оператор");
		audit.record(tenant, operator, AuditAction.PERSONAL_DATA_VIEWED, "conversation", his.id().value(), "conversation");
		audit.record(tenant, operator, AuditAction.PERSONAL_DATA_VIEWED, "contact", debtor.id(), "debtor-card");
		audit.record(tenant, operator, AuditAction.PAYMENT_RECORDED, "debt", debt.id().value(), "outside");
		requests.request(tenant, debtor.id(), debt.id(), DocumentType.OTHER, "справку");
		statements.refuse(tenant, debtor.id(), new Upload("отказ.pdf", PDF));
		audit.record(tenant, operator, AuditAction.USER_CHANGED, "user", "u-1", null);
		// As they were before the migration: no person on any.
		jdbc.sql("update audit_events set contact_id = null where tenant_id = ?").param(tenant.value()).update();
		AuditQuery byHim = new AuditQuery(null, null, null, null, debtor.id().toString());
		assertThat(audit.search(tenant, byHim, 0, 50)).extracting(AuditEvent::objectType).containsOnly("contact");

		String migration = new ClassPathResource("db/migration/V202612130700__audit_contact.sql")
			.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
		for (String statement : migration.split(";")) {
			if (statement.strip().startsWith("update")) {
				jdbc.sql(statement).update();
			}
		}

		assertThat(audit.search(tenant, byHim, 0, 50)).extracting(AuditEvent::objectType)
			.containsExactlyInAnyOrder("conversation", "contact", "debt", "document-request", "contact-statement");
	}

	private Contact debtor(Provisioned agency) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName(Fixtures.uniqueSurname("Журналова"), "Ольга",
				"Сергеевна"), LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse(phone), null);
		reachable.named(agency.tenant().id());
		reachable.awake(agency.tenant().id(), debtor.id());
		return debtor;
	}

	private String page(Provisioned tenant, String... params) throws Exception {
		var request = get("/audit").with(user(fixtures.admin(tenant)));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
