package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.ContactStatement.State;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Upload;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debtors' statements under ст. 8 230-ФЗ by API (issue 15): listed waiting first with a keyset cursor, one read with
 * the representative (audited), confirmed into its bar and declined with a reason — by the admin who issued the key,
 * the same audit as the page; a reason missing or too long marked, a statement answered already refused, a
 * command-line key refused; another agency's statement and a broker's key not found.
 */
@IntegrationTest
class StatementsApiIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	ContactStatements statements;

	@Autowired
	ContactBars bars;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Provisioned agency;
	String adminsKey;

	@BeforeEach
	void anAgencyAndAKeyItsAdminIssued() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		adminsKey = keys.issue(agency.tenant().id(), "CRM", "user:" + agency.admin().id(), agency.admin().id())
			.secret();
	}

	@Test
	void aStatementIsListedReadConfirmedAndDeclinedAsOnThePage() throws Exception {
		ContactStatement refusal = refusal("Лебедева");
		Contact other = debtor("Смирнова");
		ContactStatement representative = statements.nameRepresentative(agency.tenant().id(), other.id(),
				"Петров Пётр Петрович", "+79161234567", "г. Москва, ул. Тверская, д. 1", "petrov@advokat.ru", true,
				new Upload("представитель.pdf", PDF));

		JsonNode listed = body(mvc.perform(api(get("/api/v1/statements"), adminsKey)).andReturn());
		assertThat(listed.get("total").asLong()).isEqualTo(2);
		assertThat(listed.get("items")).hasSize(2);
		// Newest first, and the list leaves out the representative's details.
		assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(representative.id().toString());
		assertThat(listed.get("items").get(0).get("representative").isNull()).isTrue();

		MvcResult one = mvc.perform(api(get("/api/v1/statements/{id}", representative.id()), adminsKey)).andReturn();
		assertThat(one.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(one).get("representative").get("name").asString()).isEqualTo("Петров Пётр Петрович");
		assertThat(audited("PERSONAL_DATA_VIEWED", representative.id())).isEqualTo(1);

		MvcResult confirmed = mvc.perform(api(post("/api/v1/statements/{id}/confirm", refusal.id()), adminsKey))
			.andReturn();
		assertThat(confirmed.getResponse().getStatus()).as(text(confirmed)).isEqualTo(200);
		assertThat(body(confirmed).get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(bars.standing(agency.tenant().id(), refusal.contactId()))
			.anyMatch(bar -> bar.kind() == BarKind.REFUSAL);
		assertThat(answeredBy(refusal.id())).isEqualTo(agency.admin().id().value());
		assertThat(audited("CONTACT_STATEMENT_CONFIRMED", refusal.id())).isEqualTo(1);
		assertThat(jdbc.sql("select actor from audit_events where action = 'CONTACT_STATEMENT_CONFIRMED' "
				+ "and object_id = ?").param(refusal.id().toString()).query(String.class).single())
			.startsWith("api-key:");

		MvcResult declined = mvc.perform(api(post("/api/v1/statements/{id}/decline", representative.id()), adminsKey)
			.content("{\"reason\":\"Нет подписи представителя.\"}")).andReturn();
		assertThat(declined.getResponse().getStatus()).as(text(declined)).isEqualTo(200);
		assertThat(body(declined).get("declineReason").asString()).isEqualTo("Нет подписи представителя.");
		assertThat(statements.get(agency.tenant().id(), representative.id()).state()).isEqualTo(State.DECLINED);
		assertThat(answeredBy(representative.id())).isEqualTo(agency.admin().id().value());

		// Answered, neither waits any more; all of them are still listed.
		assertThat(body(mvc.perform(api(get("/api/v1/statements"), adminsKey)).andReturn()).get("total").asLong())
			.isZero();
		assertThat(body(mvc.perform(api(get("/api/v1/statements?state=ALL"), adminsKey)).andReturn()).get("total")
			.asLong()).isEqualTo(2);
	}

	@Test
	void theListPagesByACursorThatNoNewStatementShifts() throws Exception {
		ContactStatement first = refusal("Андреева");
		ContactStatement second = refusal("Борисова");
		ContactStatement third = refusal("Васильева");
		statements.confirm(agency.tenant().id(), second.id(), null, ru.kredo.audit.AuditActor.COMMAND_LINE);

		JsonNode page = body(mvc.perform(api(get("/api/v1/statements?state=ALL&limit=2"), adminsKey)).andReturn());
		assertThat(ids(page)).containsExactly(third.id().toString(), first.id().toString());
		String cursor = page.get("nextCursor").asString();
		assertThat(cursor).isNotBlank();
		// One made meanwhile, waiting, goes at the head: the next page is still the rest.
		refusal("Григорьева");
		JsonNode next = body(mvc.perform(api(get("/api/v1/statements?state=ALL&limit=2&cursor=" + cursor), adminsKey))
			.andReturn());
		assertThat(ids(next)).containsExactly(second.id().toString());
		assertThat(next.get("nextCursor").isNull()).isTrue();

		MvcResult garbage = mvc.perform(api(get("/api/v1/statements?cursor=abc"), adminsKey)).andReturn();
		assertThat(garbage.getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(api(get("/api/v1/statements?state=SOME"), adminsKey)).andReturn().getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void aMissingReasonAnAnsweredStatementAndACommandLineKeyAreRefusedWithNothingDone() throws Exception {
		ContactStatement refusal = refusal("Дмитриева");

		MvcResult empty = mvc.perform(api(post("/api/v1/statements/{id}/decline", refusal.id()), adminsKey)
			.content("{\"reason\":\"  \"}")).andReturn();
		assertThat(empty.getResponse().getStatus()).isEqualTo(400);
		assertThat(text(empty)).contains("\"field\":\"reason\"", "statement.reason-required",
				"Напишите причину: должник её прочитает.");
		MvcResult none = mvc.perform(api(post("/api/v1/statements/{id}/decline", refusal.id()), adminsKey))
			.andReturn();
		assertThat(text(none)).contains("statement.reason-required");
		MvcResult tooLong = mvc.perform(api(post("/api/v1/statements/{id}/decline", refusal.id()), adminsKey)
			.content("{\"reason\":\"" + "я".repeat(ContactStatements.MAX_REASON + 1) + "\"}")).andReturn();
		assertThat(text(tooLong)).contains("statement.reason-too-long");
		assertThat(statements.get(agency.tenant().id(), refusal.id()).state()).isEqualTo(State.SUBMITTED);

		// The command line's key stands for no one: it may read, not answer.
		String commandLines = agency.apiKey().secret();
		assertThat(mvc.perform(api(get("/api/v1/statements/{id}", refusal.id()), commandLines)).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		MvcResult nobody = mvc.perform(api(post("/api/v1/statements/{id}/confirm", refusal.id()), commandLines))
			.andReturn();
		assertThat(nobody.getResponse().getStatus()).isEqualTo(403);
		assertThat(text(nobody)).contains("statement.key-without-user", "администратор агентства");
		assertThat(mvc.perform(api(post("/api/v1/statements/{id}/decline", refusal.id()), commandLines)
			.content("{\"reason\":\"Нет подписи.\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(statements.get(agency.tenant().id(), refusal.id()).state()).isEqualTo(State.SUBMITTED);
		assertThat(bars.standing(agency.tenant().id(), refusal.contactId())).isEmpty();

		assertThat(mvc.perform(api(post("/api/v1/statements/{id}/confirm", refusal.id()), adminsKey)).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		MvcResult again = mvc.perform(api(post("/api/v1/statements/{id}/decline", refusal.id()), adminsKey)
			.content("{\"reason\":\"Передумали.\"}")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(text(again)).contains("statement.not-waiting");
		assertThat(statements.get(agency.tenant().id(), refusal.id()).state()).isEqualTo(State.CONFIRMED);
	}

	@Test
	void anotherAgencysStatementAndABrokersKeyFindNothing() throws Exception {
		ContactStatement refusal = refusal("Егорова");
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		String othersKey = keys.issue(other.tenant().id(), "CRM", "user:" + other.admin().id(), other.admin().id())
			.secret();
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String brokersKey = keys.issue(broker.tenant().id(), "CRM", "user:" + broker.admin().id(),
				broker.admin().id()).secret();
		for (String stranger : List.of(othersKey, brokersKey)) {
			assertThat(status(api(get("/api/v1/statements/{id}", refusal.id()), stranger))).isEqualTo(404);
			assertThat(status(api(post("/api/v1/statements/{id}/confirm", refusal.id()), stranger))).isEqualTo(404);
			assertThat(status(api(post("/api/v1/statements/{id}/decline", refusal.id()), stranger)
				.content("{\"reason\":\"Нет.\"}"))).isEqualTo(404);
		}
		assertThat(body(mvc.perform(api(get("/api/v1/statements"), othersKey)).andReturn()).get("total").asLong())
			.isZero();
		assertThat(status(api(get("/api/v1/statements"), brokersKey))).isEqualTo(404);
		assertThat(statements.get(agency.tenant().id(), refusal.id()).state()).isEqualTo(State.SUBMITTED);
	}

	private ContactStatement refusal(String lastName) {
		return statements.refuse(agency.tenant().id(), debtor(lastName).id(), new Upload("отказ.pdf", PDF));
	}

	private Contact debtor(String lastName) {
		String phone = "+7918" + String.format("%07d",
				Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"),
				LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse(phone), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
		return debtor;
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String key) {
		return request.header("Authorization", "Bearer " + key).contentType("application/json");
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(text(result));
	}

	private static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new java.util.ArrayList<>();
		for (JsonNode item : page.get("items")) {
			ids.add(item.get("id").asString());
		}
		return ids;
	}

	private UUID answeredBy(UUID statement) {
		return jdbc.sql("select answered_by from contact_statements where id = ?").param(statement)
			.query(UUID.class).single();
	}

	private long audited(String action, UUID object) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and object_id = ?")
			.params(agency.tenant().id().value(), action, object.toString()).query(Long.class).single();
	}
}
