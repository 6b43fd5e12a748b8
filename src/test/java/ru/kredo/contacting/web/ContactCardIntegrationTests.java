package ru.kredo.contacting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.DebtorZones;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.Call;
import ru.kredo.contacting.Calls;
import ru.kredo.contacts.Contact;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantKind;

/**
 * The operator's side of the contact rules on the real application: a call over the day's limit is refused with the
 * next moment (API 409 and the card alike) and logged without counting; a promise made on a call shows in the inbox's
 * «Обещания оплатить» on its date, then overdue (the sandbox's test clock); the log's export is audited and opens the
 * texts only for those who may see them; an operator's bar stops calls until lifted; another agency sees none of it.
 */
@IntegrationTest
class ContactCardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	DebtorZones zones;

	@Autowired
	Calls calls;

	@Autowired
	TenantClocks clocks;

	@Autowired
	TenantProvisioning provisioning;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.contacting.Promises promises;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	JsonMapper json = JsonMapper.builder().build();

	@Test
	void aCallOverTheDaysLimitIsRefusedWithTheNextMomentAndTheNumberNotGiven() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		String key = "Bearer " + agency.apiKey().secret();

		MockHttpServletResponse first = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value())
			.header("Authorization", key).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
		JsonNode made = json.readTree(first.getContentAsString());
		assertThat(made.get("phone").asString()).isEqualTo("+79165551234");
		Instant at = Instant.parse(made.get("at").asString());

		MockHttpServletResponse second = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value())
			.header("Authorization", key).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(second.getStatus()).isEqualTo(409);
		JsonNode refused = json.readTree(second.getContentAsString(StandardCharsets.UTF_8));
		assertThat(refused.get("code").asString()).isEqualTo("contact.call-not-allowed");
		assertThat(refused.get("reason").asString()).isEqualTo("DAY_LIMIT");
		// The day's window is any 24 hours, and he is well inside his hours a day on.
		assertThat(Instant.parse(refused.get("next").asString())).isEqualTo(at.plusSeconds(24 * 3600));
		assertThat(refused.get("detail").asString()).startsWith("No calls now: the day's limit is used up. Allowed from ");
		assertThat(second.getContentAsString()).doesNotContain("5551234");

		// The card refuses it the same way, in Russian, and the standing says what is left.
		var card = mvc.perform(post("/debtors/{id}/call", debtor.id().value()).with(user(fixtures.admin(agency)))
			.with(csrf())).andReturn();
		assertThat(card.getResponse().getRedirectedUrl()).isEqualTo("/debtors/" + debtor.id().value());
		assertThat(card.getFlashMap().get("problem")).hasFieldOrPropertyWithValue("code", "contact.call-not-allowed");
		JsonNode standing = json.readTree(mvc.perform(get("/api/v1/debtors/{id}/contact-standing", debtor.id().value())
			.header("Authorization", key)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(standing.get("call").get("verdict").asString()).isEqualTo("HOLD");
		assertThat(standing.get("callsLeft").get("day").asInt()).isZero();
		assertThat(standing.get("callsLeft").get("week").asInt()).isEqualTo(1);
		assertThat(standing.get("left").asString()).startsWith("Осталось: звонков 0 за сутки, 1 за неделю, 7 за месяц;");

		// One call made and counted; the two refused ones logged with their reason, counted nowhere.
		assertThat(jdbc.sql("""
				select state || ':' || coalesce(reason, '') || ':' || counted from contact_attempts
				where tenant_id = ? and contact_id = ? order by created_at""")
			.params(agency.tenant().id().value(), debtor.id().value()).query(String.class).list())
			.containsExactly("SENT::true", "DROPPED:DAY_LIMIT:false", "DROPPED:DAY_LIMIT:false");
	}

	@Test
	void aCallsOutcomeIsRecordedOnceAndSomethingElseNeedsANote() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		String key = "Bearer " + agency.apiKey().secret();
		MockHttpServletResponse made = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value())
			.header("Authorization", key).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
		assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
		String call = json.readTree(made.getContentAsString()).get("id").asString();

		// «Other» says nothing without a note: refused on the field, nothing recorded.
		MockHttpServletResponse bare = outcome(key, call, "{\"outcome\":\"OTHER\",\"note\":\"  \"}");
		assertThat(bare.getStatus()).as(bare.getContentAsString()).isEqualTo(400);
		JsonNode error = json.readTree(bare.getContentAsString(StandardCharsets.UTF_8)).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("note");
		assertThat(error.get("code").asString()).isEqualTo("contact.call-note-required");

		// A wrong number, then a refusal to pay, as the issue lists them: the first recorded stays.
		MockHttpServletResponse wrong = outcome(key, call, "{\"outcome\":\"WRONG_NUMBER\"}");
		assertThat(wrong.getStatus()).as(wrong.getContentAsString()).isEqualTo(200);
		assertThat(json.readTree(wrong.getContentAsString()).get("outcome").asString()).isEqualTo("WRONG_NUMBER");
		MockHttpServletResponse again = outcome(key, call, "{\"outcome\":\"REFUSED_TO_PAY\"}");
		assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(400);
		assertThat(json.readTree(again.getContentAsString(StandardCharsets.UTF_8)).get("code").asString())
			.isEqualTo("contact.call-outcome-recorded");
		assertThat(jdbc.sql("select outcome from contact_attempts where tenant_id = ? and id = ?")
			.params(agency.tenant().id().value(), UUID.fromString(call)).query(String.class).single())
			.isEqualTo("WRONG_NUMBER");
		assertThat(audit.latest(agency.tenant().id(), 50).stream()
			.filter(e -> e.action() == AuditAction.CONTACT_CALL_RECORDED)).hasSize(1);
	}

	private MockHttpServletResponse outcome(String key, String call, String body) throws Exception {
		return mvc.perform(post("/api/v1/calls/{id}/outcome", call).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
	}

	@Test
	void aPromiseToPayShowsInTheInboxOnItsDateAndThenOverdue() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Provisioned sandbox = provisioning.provision("Песочница " + unique, TenantKind.COLLECTOR, true,
				"admin-" + unique + "@test.kredo", "Админ " + unique, Fixtures.PASSWORD, AuditActor.COMMAND_LINE);
		Contact debtor = debtorInHours(sandbox);
		Call call = calls.start(sandbox.tenant().id(), debtor.id(), null, AuditActor.COMMAND_LINE);
		LocalDate due = clocks.today(sandbox.tenant().id()).plusDays(2);

		var recorded = mvc.perform(post("/debtors/calls/{id}/outcome", call.id()).with(user(fixtures.admin(sandbox)))
			.with(csrf()).param("outcome", "PROMISED_TO_PAY").param("amount", "5 000,00").param("date", due.toString())
			.param("note", "Зарплата в пятницу")).andReturn().getResponse();
		assertThat(recorded.getRedirectedUrl()).isEqualTo("/debtors/" + debtor.id().value());

		assertThat(inbox(sandbox)).doesNotContain("Семёнова Анна Петровна");
		clocks.moveForward(sandbox.tenant().id(), 2);
		String onItsDate = inbox(sandbox);
		assertThat(onItsDate).contains("Семёнова Анна Петровна").contains("5\u00a0000,00\u00a0₽").doesNotContain("просрочено");
		clocks.moveForward(sandbox.tenant().id(), 1);
		assertThat(inbox(sandbox)).contains("Семёнова Анна Петровна").contains("просрочено");
		JsonNode due2 = json.readTree(mvc.perform(get("/api/v1/promises").header("Authorization",
				"Bearer " + sandbox.apiKey().secret())).andReturn().getResponse().getContentAsString()).get("items");
		assertThat(due2).hasSize(1);
		assertThat(due2.get(0).get("amount").asString()).isEqualTo("5000.00");
		assertThat(due2.get(0).get("overdue").asBoolean()).isTrue();
	}

	@Test
	void aPromiseIsKeptWhenThePaymentsSinceReachItsAmountAndLeavesTheInbox() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		Debt debt = debts.ofContact(agency.tenant().id(), debtor.id()).getFirst();
		Call call = calls.start(agency.tenant().id(), debtor.id(), null, AuditActor.COMMAND_LINE);
		calls.recordOutcome(agency.tenant().id(), call.id(), "PROMISED_TO_PAY", "5000", clocks.today(agency.tenant().id())
			.toString(), null, null, AuditActor.COMMAND_LINE);
		assertThat(inbox(agency)).contains("Семёнова Анна Петровна");

		paid(agency, debt, "3000.00");
		assertThat(inbox(agency)).as("3 000 of 5 000 paid").contains("Семёнова Анна Петровна");
		paid(agency, debt, "2000.00");
		assertThat(inbox(agency)).as("kept").doesNotContain("Семёнова Анна Петровна");
		assertThat(promises.ofDebtor(agency.tenant().id(), debtor.id())).singleElement()
			.satisfies(promise -> assertThat(promise.isKept()).isTrue());
	}

	private void paid(Provisioned agency, Debt debt, String amount) {
		transaction.executeWithoutResult(status -> events.publishEvent(new ru.kredo.payments.PaymentSucceeded(
				agency.tenant().id(), new ru.kredo.payments.PaymentId(UUID.randomUUID()), debt.id().value(),
				Money.ofRoubles(amount), Instant.now())));
	}

	@Test
	void theLogsExportIsAuditedAndOpensTextsOnlyForThoseWhoMaySeeThem() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		Call call = calls.start(agency.tenant().id(), debtor.id(), null, AuditActor.COMMAND_LINE);
		calls.recordOutcome(agency.tenant().id(), call.id(), "OTHER", null, null, null, "=HYPERLINK(\"x\") перезвонить",
				AuditActor.COMMAND_LINE);

		MockHttpServletResponse admin = mvc.perform(get("/debtors/{id}/contact-log.csv", debtor.id().value())
			.with(user(fixtures.admin(agency)))).andReturn().getResponse();
		assertThat(admin.getStatus()).isEqualTo(200);
		assertThat(admin.getContentType()).startsWith("text/csv");
		String csv = admin.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Звонок оператора").contains("'=HYPERLINK").contains("+79165551234").contains("другое");
		assertThat(audit.latest(agency.tenant().id(), 10)).anySatisfy(event -> {
			assertThat(event.action()).isEqualTo(AuditAction.EXPORTED);
			assertThat(event.objectId()).isEqualTo(debtor.id().value().toString());
			assertThat(event.detail()).contains("contact-log;rows:1");
		});

		String manager = mvc.perform(get("/debtors/{id}/contact-log.csv", debtor.id().value())
			.with(user(fixtures.signedIn(fixtures.manager(agency).email().value())))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(manager).contains("Звонок оператора").contains("скрыто").doesNotContain("HYPERLINK")
			.doesNotContain("5551234");
	}

	@Test
	void anOperatorsBarStopsCallsUntilLifted() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		String key = "Bearer " + agency.apiKey().secret();
		var marked = mvc.perform(post("/debtors/{id}/contact-bars", debtor.id().value()).with(user(fixtures.admin(agency)))
			.with(csrf()).param("kind", "DECEASED").param("note", "Звонила дочь")).andReturn().getResponse();
		assertThat(marked.getRedirectedUrl()).isEqualTo("/debtors/" + debtor.id().value());

		String section = mvc.perform(get("/debtors/{id}/contacting", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(section).contains("Звонить нельзя: должник умер.").contains("Звонила дочь").contains("отметка сотрудника");

		MockHttpServletResponse refused = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value())
			.header("Authorization", key)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		JsonNode problem = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("reason").asString()).isEqualTo("DECEASED");
		assertThat(problem.get("next").isNull()).isTrue();
		assertThat(problem.get("detail").asString()).isEqualTo("Звонить нельзя: должник умер.");

		assertThat(mvc.perform(delete("/api/v1/debtors/{id}/contact-bars/DECEASED", debtor.id().value())
			.header("Authorization", key)).andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
	}

	/**
	 * Ч. 1 ст. 7 230-ФЗ, checked against the law's text: a debtor deprived of or limited in legal capacity, treated as an
	 * in-patient, disabled of the first group, or a minor (the issue's own mark) may not be contacted from the day the
	 * documents come. Each is an operator's mark that refuses the call with its reason in words, offered on the card's
	 * form, and lifted again.
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
			"INCAPACITY|Звонить нельзя: должник лишён или ограничен в дееспособности.",
			"HOSPITAL|Звонить нельзя: должник на лечении в стационаре.",
			"DISABILITY_GROUP_1|Звонить нельзя: должник — инвалид I группы.",
			"MINOR|Звонить нельзя: должник несовершеннолетний." })
	void theLawsOtherDebtorsNotToBeContactedAreOperatorsMarks(String kind, String refusal) throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		String key = "Bearer " + agency.apiKey().secret();
		String form = mvc.perform(get("/debtors/{id}/contact-bars", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("value=\"" + kind + "\"").contains("по полученным документам");

		MockHttpServletResponse marked = mvc.perform(post("/api/v1/debtors/{id}/contact-bars", debtor.id().value())
			.header("Authorization", key).contentType("application/json")
			.content("{\"kind\":\"" + kind + "\",\"note\":\"Документы получены\"}")).andReturn().getResponse();
		assertThat(marked.getStatus()).isEqualTo(201);

		MockHttpServletResponse refused = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value())
			.header("Authorization", key)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		JsonNode problem = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("reason").asString()).isEqualTo(kind);
		assertThat(problem.get("detail").asString()).isEqualTo(refusal);

		assertThat(mvc.perform(delete("/api/v1/debtors/{id}/contact-bars/{kind}", debtor.id().value(), kind)
			.header("Authorization", key)).andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void twoOperatorsCannotBothTakeHisLastCallOfTheDay() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = debtorInHours(agency);
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				tries.add(pool.submit(() -> {
					together.await();
					try {
						calls.start(agency.tenant().id(), debtor.id(), null, AuditActor.COMMAND_LINE);
						return true;
					}
					catch (ru.kredo.contacting.CallNotAllowed refused) {
						return false;
					}
				}));
			}
			int made = 0;
			for (var attempt : tries) {
				made += attempt.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(made).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from contact_attempts where contact_id = ? and counted")
			.param(debtor.id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theApiIsDescribedWithExamplesAndItsProblems() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode paths = json.readTree(doc).get("paths");
		// Its own tag: two tags named «Contacts» (the contacts' and this one) made the description invalid.
		assertThat(paths.get("/api/v1/debtors/{id}/contact-standing").get("get").get("tags").get(0).asString())
			.isEqualTo("Contact centre");
		assertThat(paths.get("/api/v1/debtors/{id}/contact-standing").get("get").get("responses").get("200").toString())
			.contains("callsLeft");
		assertThat(paths.get("/api/v1/debtors/{id}/calls").get("post").get("responses").get("409").toString())
			.contains("contact.call-not-allowed", "DAY_LIMIT");
		assertThat(paths.get("/api/v1/calls/{id}/outcome").get("post").get("responses").propertyNames())
			.contains("200", "400", "404");
		assertThat(paths.get("/api/v1/debtors/{id}/contact-log").get("get").get("parameters").toString())
			.contains("offset", "limit");
		assertThat(paths.get("/api/v1/promises").get("get").get("responses").get("200").toString()).contains("overdue");
		assertThat(paths.get("/api/v1/debtors/{id}/contact-bars/{kind}").get("delete").get("responses").propertyNames())
			.contains("204", "404");
	}

	@Test
	void anotherAgencySeesNoneOfIt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Contact debtor = debtorInHours(agency);
		Call call = calls.start(agency.tenant().id(), debtor.id(), null, AuditActor.COMMAND_LINE);
		UUID id = debtor.id().value();

		for (var request : java.util.List.of(get("/debtors/{id}/contacting", id), get("/debtors/{id}/contact-log", id),
				get("/debtors/{id}/contact-log.csv", id), get("/debtors/{id}/contact-bars", id),
				get("/debtors/calls/{id}", call.id()), post("/debtors/{id}/call", id).with(csrf()),
				post("/debtors/calls/{id}/outcome", call.id()).param("outcome", "NO_ANSWER").with(csrf()),
				post("/debtors/{id}/contact-bars", id).param("kind", "MINOR").with(csrf()))) {
			assertThat(mvc.perform(request.with(user(fixtures.admin(other)))).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		}
		for (Provisioned stranger : java.util.List.of(other, broker)) {
			String key = "Bearer " + stranger.apiKey().secret();
			for (var request : java.util.List.of(get("/api/v1/debtors/{id}/contact-standing", id),
					get("/api/v1/debtors/{id}/contact-log", id), post("/api/v1/debtors/{id}/calls", id),
					post("/api/v1/calls/{id}/outcome", call.id()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"outcome\":\"NO_ANSWER\"}"),
					post("/api/v1/debtors/{id}/contact-bars", id).contentType(MediaType.APPLICATION_JSON)
						.content("{\"kind\":\"MINOR\"}"))) {
				assertThat(mvc.perform(request.header("Authorization", key)).andReturn().getResponse().getStatus())
					.isEqualTo(404);
			}
		}
		assertThat(calls.get(agency.tenant().id(), call.id()).hasOutcome()).isFalse();
		assertThat(jdbc.sql("select count(*) from contact_attempts where contact_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from contact_bars where contact_id = ?").param(id).query(Long.class)
			.single()).isZero();
	}

	private String inbox(Provisioned agency) throws Exception {
		return mvc.perform(get("/inbox/promises").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A debtor of the agency with one debt, living where it is now mid-afternoon: within his hours today and tomorrow. */
	private Contact debtorInHours(Provisioned agency) {
		Contact debtor = fixtures.contact(agency);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString()
				.substring(0, 6), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 100);
		assertThat(debt).isNotNull();
		zones.record(agency.tenant().id(), debtor.id(), null, afternoon(clocks.clock(agency.tenant().id()).instant()));
		return debtor;
	}

	/** A zone where {@code now} is between 11:00 and 16:59: inside the hours of any day, working or not. */
	static ZoneId afternoon(Instant now) {
		int utcHour = now.atZone(ZoneOffset.UTC).getHour();
		int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;
		return ZoneOffset.ofHours(offset);
	}
}
