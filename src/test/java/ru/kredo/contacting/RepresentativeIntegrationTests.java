package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.conversations.Upload;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 14, «then only the representative»: while a confirmed representative's statement stands, the agency's texts
 * that would go to the debtor go to the representative's phone from the statement, logged as his; a code the debtor
 * asks for still goes to the phone he typed; withdrawn, texts go back to the debtor; a refusal still refuses. And the
 * debtor (or, once confirmed, his representative) is texted when the agency answers his statement: a reply, not
 * counted, held to his hours.
 */
@IntegrationTest
class RepresentativeIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	static final String DEBTORS = "+79165551234";
	static final String REPRESENTATIVES = "+79031112233";

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reachable reachable;

	@Autowired
	DebtorNotices notices;

	@Autowired
	ContactStatements statements;

	@Autowired
	HeldMessages queue;

	@Autowired
	CabinetSignIn signIn;

	@Autowired
	Debts debts;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	TextedCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	ContactStandings standings;

	@Autowired
	MockMvc mvc;

	Provisioned agency;
	TenantId tenant;
	Contact debtor;
	Debt debt;

	@BeforeEach
	void anAgencyNamedByItsPhoneAndADebtorLongOverdue() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		reachable.named(tenant);
		debtor = fixtures.contact(agency);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 400);
		assertThat(debtor.phone().e164()).isEqualTo(DEBTORS);
	}

	@Test
	void withARepresentativeInForceAReminderGoesToHisPhoneAndBackToTheDebtorOnceWithdrawn() {
		reachable.awake(tenant, debtor.id());
		ContactStatement statement = representativeConfirmed();

		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(3));

		Row reminder = latest("plan.instalment-due");
		assertThat(reminder.state()).isEqualTo("SENT");
		assertThat(reminder.recipient()).isEqualTo("REPRESENTATIVE");
		assertThat(reminder.address()).isEqualTo(REPRESENTATIVES);
		assertThat(reminder.counted()).as("counted against the debtor's limits").isTrue();
		assertThat(outbox()).as("the reminder is at the representative's phone, not the debtor's")
			.anySatisfy(text -> {
				assertThat(text.phone()).isEqualTo(REPRESENTATIVES);
				assertThat(text.text()).contains("платёж по плану");
			})
			.noneSatisfy(text -> {
				assertThat(text.phone()).isEqualTo(DEBTORS);
				assertThat(text.text()).contains("платёж по плану");
			});

		// A code he asks for himself still goes to the phone he typed: he is signing in.
		long before = codes.count(tenant);
		signIn.start(agency.tenant(), debtor.name(), debtor.phone());
		codes.latest(tenant, (int) before + 1);
		assertThat(latest("cabinet.sign-in-code").recipient()).isEqualTo("DEBTOR");
		assertThat(outbox().getFirst().phone()).isEqualTo(DEBTORS);

		// Withdrawn: back to the debtor.
		statements.withdraw(tenant, debtor.id(), statement.id());
		notices.planBehind(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today());
		Row behind = latest("plan.behind");
		assertThat(behind.state()).isEqualTo("SENT");
		assertThat(behind.recipient()).isEqualTo("DEBTOR");
		assertThat(behind.address()).isEqualTo(DEBTORS);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox().getFirst().phone())
			.isEqualTo(DEBTORS));
	}

	@Test
	void theCardSaysTextsAndCallsGoToTheRepresentative() throws Exception {
		reachable.awake(tenant, debtor.id());
		representativeConfirmed();

		Standing standing = standings.of(tenant, debtor.id());
		assertThat(standing.message().verdict()).as("a text goes (to him)").isEqualTo(Decision.Verdict.SEND);
		assertThat(standing.call().verdict()).as("a call goes (to him)").isEqualTo(Decision.Verdict.SEND);

		String log = mvc.perform(get("/debtors/{id}/contact-log", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString();
		assertThat(log).contains("представителю должника");
		String csv = mvc.perform(get("/debtors/{id}/contact-log.csv", debtor.id().value())
			.with(user(fixtures.admin(agency)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Кому", "представителю должника");
	}

	/**
	 * «Then only the representative» holds for calls too: «Позвонить» dials the representative's phone from the
	 * statement, logged as his; the call counts against the debtor's limits (a second one the same day is refused);
	 * withdrawn, the call is the debtor's again (and the day's call made to the representative still counts).
	 */
	@Test
	void aCallGoesToTheRepresentativesPhoneAndCountsAgainstTheDebtorsLimits() throws Exception {
		reachable.awake(tenant, debtor.id());
		ContactStatement statement = representativeConfirmed();
		String key = "Bearer " + agency.apiKey().secret();

		var made = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse();
		assertThat(made.getStatus()).isEqualTo(201);
		assertThat(made.getContentAsString()).contains("\"phone\":\"" + REPRESENTATIVES + "\"",
				"\"recipient\":\"REPRESENTATIVE\"");
		Row call = latest("call");
		assertThat(call.state()).isEqualTo("SENT");
		assertThat(call.recipient()).isEqualTo("REPRESENTATIVE");
		assertThat(call.address()).isEqualTo(REPRESENTATIVES);
		assertThat(call.counted()).isTrue();
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"")
			.matcher(made.getContentAsString());
		assertThat(id.find()).isTrue();
		String callId = id.group(1);
		assertThat(mvc.perform(get("/debtors/calls/{id}", callId).with(user(fixtures.admin(agency)))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Звонок представителю должника");

		var again = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentAsString()).contains("DAY_LIMIT").doesNotContain(REPRESENTATIVES);

		// Withdrawn: the call would be the debtor's, and the day's call already made to his representative counts.
		statements.withdraw(tenant, debtor.id(), statement.id());
		var debtors = mvc.perform(post("/api/v1/debtors/{id}/calls", debtor.id().value()).header("Authorization", key))
			.andReturn().getResponse();
		assertThat(debtors.getStatus()).isEqualTo(409);
		assertThat(debtors.getContentAsString()).contains("DAY_LIMIT");
		assertThat(latest("call").recipient()).isEqualTo("DEBTOR");
	}

	@Test
	void aReminderHeldAtNightGoesToTheRepresentativeConfirmedMeanwhileAndAChatAnswerToo() {
		reachable.asleep(tenant, debtor.id());
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(5));
		Row held = latest("plan.instalment-due");
		assertThat(held.state()).isEqualTo("HELD");
		assertThat(held.recipient()).isEqualTo("DEBTOR");

		representativeConfirmed();
		notices.agencyAnswered(tenant, debtor.id());
		queue.drain(tenant, held.dueAt());

		Row sent = latest("plan.instalment-due");
		assertThat(sent.state()).isEqualTo("SENT");
		assertThat(sent.recipient()).isEqualTo("REPRESENTATIVE");
		assertThat(sent.address()).isEqualTo(REPRESENTATIVES);
		Row reply = latest("chat.answered");
		assertThat(reply.recipient()).as("a reply goes to the representative too").isEqualTo("REPRESENTATIVE");
		assertThat(reply.address()).isEqualTo(REPRESENTATIVES);
		assertThat(outbox()).isNotEmpty().allSatisfy(text -> assertThat(text.phone()).isEqualTo(REPRESENTATIVES));
	}

	@Test
	void aReminderHeldForTheRepresentativeGoesToTheDebtorOnceTheStatementIsWithdrawnOvernight() {
		reachable.asleep(tenant, debtor.id());
		ContactStatement statement = representativeConfirmed();
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(5));
		Row held = latest("plan.instalment-due");
		assertThat(held.state()).isEqualTo("HELD");
		assertThat(held.recipient()).isEqualTo("REPRESENTATIVE");
		assertThat(held.address()).isEqualTo(REPRESENTATIVES);

		statements.withdraw(tenant, debtor.id(), statement.id());
		queue.drain(tenant, held.dueAt());

		Row sent = latest("plan.instalment-due");
		assertThat(sent.state()).isEqualTo("SENT");
		assertThat(sent.recipient()).isEqualTo("DEBTOR");
		assertThat(sent.address()).isEqualTo(DEBTORS);
		assertThat(outbox()).anySatisfy(text -> {
			assertThat(text.phone()).isEqualTo(DEBTORS);
			assertThat(text.text()).contains("платёж по плану");
		});
	}

	@Test
	void aConfirmedRefusalStillRefusesEveryCollectionTextRepresentativeOrNot() {
		reachable.awake(tenant, debtor.id());
		representativeConfirmed();
		ContactStatement refusal = statements.refuse(tenant, debtor.id(), new Upload("отказ.pdf", PDF));
		statements.confirm(tenant, refusal.id(), null, AuditActor.COMMAND_LINE);

		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(3));

		Row refused = latest("plan.instalment-due");
		assertThat(refused.state()).isEqualTo("REFUSED");
		assertThat(refused.reason()).isEqualTo("REFUSAL");
		assertThat(refused.counted()).isFalse();
		assertThat(outbox()).noneSatisfy(text -> assertThat(text.text()).contains("платёж по плану"));
	}

	@Test
	void theDebtorIsTextedWhenTheAgencyDeclinesHisStatementNotCountedAndHeldToHisHours() {
		reachable.awake(tenant, debtor.id());
		ContactStatement statement = representativeNamed();

		statements.decline(tenant, statement.id(), "Нет подписи", null, AuditActor.COMMAND_LINE);

		Row answer = latest("statement.answered");
		assertThat(answer.initiative()).isEqualTo("REPLY");
		assertThat(answer.state()).isEqualTo("SENT");
		assertThat(answer.counted()).isFalse();
		assertThat(answer.recipient()).isEqualTo("DEBTOR");
		assertThat(answer.address()).isEqualTo(DEBTORS);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox())
			.anySatisfy(text -> {
				assertThat(text.phone()).isEqualTo(DEBTORS);
				assertThat(text.text()).contains("«" + agency.tenant().name() + "»", "ответило на ваше заявление",
						Reachable.AGENCY_PHONE, "/cabinet/" + tenant.value() + "/rights");
			}));

		// At night the answer waits for his morning.
		reachable.asleep(tenant, debtor.id());
		ContactStatement again = representativeNamed();
		statements.decline(tenant, again.id(), "Нет подписи", null, AuditActor.COMMAND_LINE);
		Row held = latest("statement.answered");
		assertThat(held.state()).isEqualTo("HELD");
		assertThat(held.reason()).isEqualTo("HOURS");
	}

	@Test
	void aConfirmedRepresentativeIsTheOneToldThatTheAgencyAnswered() {
		reachable.awake(tenant, debtor.id());
		representativeConfirmed();

		Row answer = latest("statement.answered");
		assertThat(answer.state()).isEqualTo("SENT");
		assertThat(answer.counted()).isFalse();
		assertThat(answer.recipient()).isEqualTo("REPRESENTATIVE");
		assertThat(answer.address()).isEqualTo(REPRESENTATIVES);
	}

	private ContactStatement representativeNamed() {
		return statements.nameRepresentative(tenant, debtor.id(), "Петров Иван Сергеевич", "+7 903 111-22-33",
				"г. Москва, ул. Адвокатская, д. 1", "petrov@advokat.ru", true, new Upload("заявление.pdf", PDF));
	}

	private ContactStatement representativeConfirmed() {
		ContactStatement statement = representativeNamed();
		statements.confirm(tenant, statement.id(), null, AuditActor.COMMAND_LINE);
		return statement;
	}

	record Row(String purpose, String initiative, String state, String reason, boolean counted, Instant dueAt,
			String recipient, String address) {
	}

	private Row latest(String purpose) {
		return jdbc.sql("""
				select purpose, initiative, state, reason, counted, due_at, recipient, address from contact_attempts
				where tenant_id = ? and purpose = ? order by created_at desc limit 1""")
			.params(tenant.value(), purpose)
			.query((row, n) -> new Row(row.getString("purpose"), row.getString("initiative"), row.getString("state"),
					row.getString("reason"), row.getBoolean("counted"),
					row.getTimestamp("due_at") == null ? null : row.getTimestamp("due_at").toInstant(),
					row.getString("recipient"), row.getBytes("address") == null ? null
							: personalData.open("contact_attempts.address", new Sealed(row.getBytes("address")))))
			.single();
	}

	record Texted(String phone, String text) {
	}

	/** The agency's outbox, newest first. */
	private List<Texted> outbox() {
		return jdbc.sql("select phone, text from sms_outbox where tenant_id = ? order by id desc")
			.param(tenant.value())
			.query((row, n) -> new Texted(personalData.open("sms_outbox.phone", new Sealed(row.getBytes("phone"))),
					personalData.open("sms_outbox.text", new Sealed(row.getBytes("text")))))
			.list();
	}
}
