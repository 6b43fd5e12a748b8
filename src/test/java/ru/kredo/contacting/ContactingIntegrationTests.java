package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.StatementCounter;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.CabinetSignIn;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.InvalidFields;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Every text to a debtor goes through the gate and leaves one {@code contact_attempts} row (the codes masked in it);
 * a reminder held at night goes at the first allowed moment of his morning, unless a bar came meanwhile; two sends at
 * once never both take his last slot; a template that does not name the agency and its phone is refused when saved.
 */
@IntegrationTest
class ContactingIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reachable reachable;

	@Autowired
	DebtorNotices notices;

	@Autowired
	CabinetSignIn signIn;

	@Autowired
	Contacting gate;

	@Autowired
	HeldMessages queue;

	@Autowired
	ContactBars bars;

	@Autowired
	ContactTemplates templates;

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
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	TenantProvisioning provisioning;

	@Autowired
	TenantClocks clocks;

	Provisioned agency;
	TenantId tenant;
	Contact debtor;
	Debt debt;

	@BeforeEach
	void anAgencyNamedByItsPhoneAndADebtor() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		reachable.named(tenant);
		debtor = fixtures.contact(agency);
		debt = debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
	}

	@Test
	void everySendingPathLeavesOneLoggedAttemptPerTextWithItsCodeMasked() {
		reachable.awake(tenant, debtor.id());
		LocalDate due = calendar.today().plusDays(3);

		notices.agencyAnswered(tenant, debtor.id());
		notices.documentRequestAnswered(tenant, debtor.id());
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), due);
		notices.planBehind(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), due);
		signIn.start(agency.tenant(), debtor.name(), debtor.phone());
		String signInCode = codes.latest(tenant, 5);
		signIn.startSignature(agency.tenant(), debtor.name(), debtor.phone(), "КД-1");
		String signingCode = codes.latest(tenant, 6);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts().size() == 6);
		assertThat(codes.count(tenant)).as("six texts in the outbox").isEqualTo(6);
		assertThat(attempts()).extracting(Row::purpose).containsExactlyInAnyOrder("chat.answered",
				"document-request.answered", "plan.instalment-due", "plan.behind", "cabinet.sign-in-code",
				"cabinet.signing-code");
		assertThat(attempts()).allSatisfy(row -> assertThat(row.state()).isEqualTo("SENT"));
		assertThat(attempts()).filteredOn(Row::counted).extracting(Row::purpose)
			.as("only the agency's own contacts count").containsExactlyInAnyOrder("plan.instalment-due", "plan.behind");
		assertThat(attempts()).filteredOn(row -> row.purpose().endsWith("-code")).allSatisfy(row -> {
			assertThat(row.initiative()).isEqualTo("REQUESTED_CODE");
			assertThat(row.body()).contains(Outbound.MASK).doesNotContain(signInCode).doesNotContain(signingCode);
		});
		assertThat(attempts()).filteredOn(row -> row.purpose().startsWith("plan.")).allSatisfy(row -> assertThat(
				row.body()).contains("«" + agency.tenant().name() + "»", Reachable.AGENCY_PHONE));
	}

	@Test
	void aReminderHeldAtNightGoesAtTheFirstMomentOfHisMorning() {
		ZoneId zone = reachable.asleep(tenant, debtor.id());
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(5));

		Row held = attempts().getFirst();
		assertThat(held.state()).isEqualTo("HELD");
		assertThat(held.reason()).isEqualTo("HOURS");
		LocalDate morning = held.dueAt().atZone(zone).toLocalDate();
		assertThat(held.dueAt().atZone(zone).toLocalTime())
			.isEqualTo(calendar.days().isWorkingDay(morning) ? LocalTime.of(8, 0) : LocalTime.of(9, 0));
		assertThat(codes.count(tenant)).isZero();

		queue.drain(tenant, held.dueAt().minusSeconds(60));
		assertThat(attempts().getFirst().state()).as("a minute before: still held").isEqualTo("HELD");
		queue.drain(tenant, held.dueAt());
		Row sent = attempts().getFirst();
		assertThat(sent.state()).isEqualTo("SENT");
		assertThat(sent.counted()).isTrue();
		assertThat(codes.count(tenant)).isEqualTo(1);
	}

	@Test
	void aBankruptcyMarkedMeanwhileStopsTheQueuedReminder() {
		reachable.asleep(tenant, debtor.id());
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().plusDays(5));
		Row held = attempts().getFirst();
		assertThat(held.state()).isEqualTo("HELD");

		bars.mark(tenant, debtor.id(), BarKind.BANKRUPTCY, null, "event:BANKRUPTCY", null, AuditActor.COMMAND_LINE);
		queue.drain(tenant, held.dueAt());

		Row refused = attempts().getFirst();
		assertThat(refused.state()).isEqualTo("REFUSED");
		assertThat(refused.reason()).isEqualTo("BANKRUPTCY");
		assertThat(refused.counted()).isFalse();
		assertThat(codes.count(tenant)).isZero();
	}

	@Test
	void aSandboxsClockMovingAsksTheRulesAgainAtOnce() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Provisioned sandbox = provisioning.provision("Песочница " + unique, TenantKind.COLLECTOR, true,
				"admin-" + unique + "@test.kredo", "Админ " + unique, Fixtures.PASSWORD, AuditActor.COMMAND_LINE);
		TenantId id = sandbox.tenant().id();
		reachable.named(id);
		Contact his = fixtures.contact(sandbox);
		Debt owed = debts.add(id, his.id(), "ПАО «Банк»", "КД-" + unique, LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
		reachable.asleep(id, his.id());
		notices.planInstalmentDue(id, his.id(), owed.id(), Money.ofRoubles("10000"), clocks.today(id).plusDays(5));
		Instant morning = dueAt(id);

		// A day on, it is the middle of his next night: the held reminder was asked again and waits for that morning.
		clocks.moveForward(id, 1);

		assertThat(dueAt(id)).isAfter(morning.plus(Duration.ofHours(12)));
		assertThat(codes.count(id)).isZero();
	}

	private Instant dueAt(TenantId id) {
		return jdbc.sql("select due_at from contact_attempts where tenant_id = ? and state = 'HELD'").param(id.value())
			.query((row, n) -> row.getTimestamp("due_at").toInstant()).single();
	}

	@Test
	void aHeldMessageAskedAgainPastItsLastMomentIsDroppedAsStale() {
		reachable.asleep(tenant, debtor.id());
		notices.planBehind(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today().minusDays(6));
		Row held = attempts().getFirst();
		assertThat(held.state()).isEqualTo("HELD");

		queue.drain(tenant, held.dueAt().plus(Duration.ofDays(4)));

		assertThat(attempts().getFirst().state()).isEqualTo("DROPPED");
		assertThat(attempts().getFirst().reason()).isEqualTo("STALE");
		assertThat(codes.count(tenant)).isZero();
	}

	@Test
	void theLimitsCountEveryDebtOfHisTogether() {
		reachable.awake(tenant, debtor.id());
		Debt another = debts.add(tenant, debtor.id(), "АО «Другой банк»", "КД-" + UUID.randomUUID(),
				LocalDate.of(2022, 2, 2), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000"), Money.ZERO), 120);
		assertThat(gate.send(reminder("first")).state()).isEqualTo(Contacting.State.SENT);
		assertThat(gate.send(Outbound.text(tenant, debtor.id(), another.id(), Initiative.COLLECTION, "plan.behind",
				"«" + agency.tenant().name() + "»: второй долг. Тел. " + Reachable.AGENCY_PHONE, null)).state())
			.isEqualTo(Contacting.State.SENT);
		// a third text today, about either debt or about him as a whole, waits: 2 a day per debtor, not per debt
		Contacting.Attempt third = gate.send(Outbound.text(tenant, debtor.id(), null, Initiative.COLLECTION,
				"cabinet.invitation", "«" + agency.tenant().name() + "»: третье. Тел. " + Reachable.AGENCY_PHONE, null));
		assertThat(third.state()).isEqualTo(Contacting.State.HELD);
		assertThat(third.reason()).isEqualTo(Reason.DAY_LIMIT);
	}

	@Test
	void twoSendsAtOnceNeverBothTakeHisLastSlot() throws Exception {
		reachable.awake(tenant, debtor.id());
		notices.planBehind(tenant, debtor.id(), debt.id(), Money.ofRoubles("10000"), calendar.today());
		assertThat(attempts()).singleElement().satisfies(row -> assertThat(row.counted()).isTrue());

		// The first of two takes the day's last slot and keeps its transaction open until the second is seen waiting
		// for the debtor's lock: the second surely asks while the first has not committed, however slow the machine.
		// Two threads of their own: the common pool may have one worker on a small machine, which would run them in turn.
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch firstSent = new CountDownLatch(1);
		CountDownLatch secondWaits = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			gate.send(reminder("first"));
			firstSent.countDown();
			await(secondWaits);
		}), threads);
		assertThat(firstSent.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Contacting.Attempt> second = CompletableFuture.supplyAsync(() -> gate.send(reminder("second")),
				threads);
		assertThat(waitsForHisLock(tenant, debtor.id(), Duration.ofSeconds(10)))
			.as("the second send waits for the first's lock on him").isTrue();
		secondWaits.countDown();
		first.get(10, TimeUnit.SECONDS);
		threads.shutdown();

		assertThat(second.get(10, TimeUnit.SECONDS).state()).isEqualTo(Contacting.State.HELD);
		assertThat(second.get().reason()).isEqualTo(Reason.DAY_LIMIT);
		assertThat(attempts()).filteredOn(Row::counted).hasSize(2);
	}

	@Test
	void aBatchOfHeldMessagesReadsTheAgencysWordingOnceNotOnceAMessage() throws Exception {
		StatementCounter.Counted<Integer> one = drainHeld(1);
		StatementCounter.Counted<Integer> five = drainHeld(5);

		double perMessage = (five.statements() - one.statements()) / 4.0;
		System.out.printf("held messages' queue: %d statements for 1 message, %d for 5: %.1f a message%n",
				one.statements(), five.statements(), perMessage);
		assertThat(five.result()).isEqualTo(5);
		assertThat(five.statementsWith("from contact_senders")).as("reads of the sender in %s", five.sql()).isEqualTo(1);
		assertThat(five.statementsWith("from agency_requisites")).as("reads of the phone in %s", five.sql()).isEqualTo(1);
		assertThat(perMessage).as("statements a message in %s", five.sql()).isLessThanOrEqualTo(HELD_STATEMENTS_A_MESSAGE);
	}

	@Test
	void aRunOfPlanRemindersReadsTheAgencysWordingOnce() throws Exception {
		List<Reminded> ten = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Contact his = fixtures.contact(agency);
			reachable.awake(tenant, his.id());
			ten.add(new Reminded(his, debts.add(tenant, his.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(),
					LocalDate.of(2021, 1, 1), null,
					DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200)));
		}
		List<Reminded> five = ten.subList(0, 5);
		List<Reminded> fiveMore = ten.subList(5, 10);
		DebtorNotices run = notices.batch();
		LocalDate due = calendar.today().plusDays(3);
		StatementCounter.Counted<Integer> batched = StatementCounter.count(() -> {
			five.forEach(r -> run.planInstalmentDue(tenant, r.debtor().id(), r.debt().id(), Money.ofRoubles("100"), due));
			return five.size();
		});
		StatementCounter.Counted<Integer> alone = StatementCounter.count(() -> {
			fiveMore.forEach(r -> notices.planInstalmentDue(tenant, r.debtor().id(), r.debt().id(), Money.ofRoubles("100"),
					due));
			return fiveMore.size();
		});

		System.out.printf("plan reminders: 5 texts one by one %d statements, in one run %d%n", alone.statements(),
				batched.statements());
		assertThat(attempts()).filteredOn(row -> row.purpose().equals("plan.instalment-due")).hasSize(10);
		assertThat(batched.statementsWith("from agency_requisites")).as("reads of the phone in %s", batched.sql())
			.isEqualTo(1);
		assertThat(batched.statementsWith("from contact_templates")).as("reads of the template in %s", batched.sql())
			.isEqualTo(1);
		assertThat(batched.statements()).isLessThan(alone.statements());
	}

	private record Reminded(Contact debtor, Debt debt) {
	}

	/**
	 * A message of a batch: lock, whether a representative is in force (texts go to him then), his zone, counted
	 * contacts and bars, the row's update and the outbox's.
	 */
	private static final double HELD_STATEMENTS_A_MESSAGE = 7;

	/** A new agency's {@code messages} reminders held at night, drained at once: what it cost. */
	private StatementCounter.Counted<Integer> drainHeld(int messages) throws Exception {
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId id = other.tenant().id();
		reachable.named(id);
		for (int i = 0; i < messages; i++) {
			Contact his = fixtures.contact(other);
			Debt owed = debts.add(id, his.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
					DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
			reachable.asleep(id, his.id());
			notices.planInstalmentDue(id, his.id(), owed.id(), Money.ofRoubles("10000"), calendar.today().plusDays(5));
		}
		Instant last = jdbc.sql("select max(due_at) from contact_attempts where tenant_id = ? and state = 'HELD'")
			.param(id.value())
			.query((row, n) -> row.getTimestamp(1).toInstant())
			.single();
		StatementCounter.Counted<Integer> drained = StatementCounter.count(() -> queue.drain(id, last));
		assertThat(jdbc.sql("select count(*) from contact_attempts where tenant_id = ? and state = 'SENT'")
			.param(id.value()).query(Long.class).single()).isEqualTo(messages);
		return drained;
	}

	@Test
	void theLogIsKeptThreeYearsNoDeleteNorTruncateRemovesAYoungerAttempt() {
		reachable.awake(tenant, debtor.id());
		notices.agencyAnswered(tenant, debtor.id());
		UUID attempt = jdbc.sql("select id from contact_attempts where tenant_id = ? and contact_id = ?")
			.params(tenant.value(), debtor.id().value()).query(UUID.class).single();

		// 467-ФЗ: records of interactions kept at least three years. A row of today cannot be deleted, nor the table
		// emptied at once (in a transaction rolled back whatever happens), nor the debtor or the agency deleted with it.
		assertThatThrownBy(() -> jdbc.sql("delete from contact_attempts where id = ?").param(attempt).update())
			.hasMessageContaining("contact.retention").hasMessageContaining("не меньше трёх лет");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("truncate contact_attempts cascade").update();
		})).hasMessageContaining("contact.retention");
		assertThatThrownBy(() -> jdbc.sql("delete from contacts where id = ?").param(debtor.id().value()).update());
		assertThat(jdbc.sql("select count(*) from contact_attempts where id = ?").param(attempt).query(Long.class)
			.single()).isOne();

		// A day short of three years: still kept; three years and a day: it may go.
		jdbc.sql("update contact_attempts set created_at = now() - interval '3 years' + interval '1 day' where id = ?")
			.param(attempt).update();
		assertThatThrownBy(() -> jdbc.sql("delete from contact_attempts where id = ?").param(attempt).update())
			.hasMessageContaining("contact.retention");
		jdbc.sql("update contact_attempts set created_at = now() - interval '3 years 1 day' where id = ?")
			.param(attempt).update();
		assertThat(jdbc.sql("delete from contact_attempts where id = ?").param(attempt).update()).isOne();
	}

	@Test
	void anAgencyWithoutAPhoneHasItsRemindersRefusedAndLogged() {
		Provisioned nameless = fixtures.tenant(TenantKind.COLLECTOR);
		Contact his = fixtures.contact(nameless);
		reachable.awake(nameless.tenant().id(), his.id());
		notices.agencyAnswered(nameless.tenant().id(), his.id());

		assertThat(jdbc.sql("select state, reason from contact_attempts where tenant_id = ?")
			.param(nameless.tenant().id().value())
			.query((row, n) -> row.getString("state") + " " + row.getString("reason")).list())
			.containsExactly("REFUSED UNNAMED_CREDITOR");
		assertThat(codes.count(nameless.tenant().id())).isZero();
	}

	@Test
	void aTemplateWithoutTheAgencyOrItsPhoneIsRefusedWhenSavedEachFieldWithItsError() throws Exception {
		Map<MessageTemplate, String> texts = new EnumMap<>(MessageTemplate.class);
		texts.put(MessageTemplate.PLAN_INSTALMENT_DUE, "Оплатите {amount} до {date}: {link}");
		texts.put(MessageTemplate.PLAN_BEHIND, "{agency}: платёж {amount} не поступил, {link}");
		texts.put(MessageTemplate.CHAT_ANSWERED, "{agency}, тел. {phone}: {nonsense}");
		assertThatThrownBy(() -> templates.save(tenant, texts, "Vozvrat", AuditActor.COMMAND_LINE))
			.isInstanceOfSatisfying(InvalidFields.class, invalid -> {
				assertThat(invalid.errors()).containsOnlyKeys("PLAN_INSTALMENT_DUE", "PLAN_BEHIND", "CHAT_ANSWERED");
				assertThat(invalid.errors().get("PLAN_INSTALMENT_DUE").code()).isEqualTo("contact-template.agency-missing");
				assertThat(invalid.errors().get("PLAN_BEHIND").code()).isEqualTo("contact-template.phone-missing");
				assertThat(invalid.errors().get("CHAT_ANSWERED").code()).isEqualTo("contact-template.unknown-placeholder");
			});
		assertThat(templates.sender(tenant)).as("nothing kept of a refused form").isEmpty();

		// On the page: 422, every wrong field marked, in Russian.
		String page = mvc.perform(post("/contact-templates").with(user(fixtures.admin(agency))).with(csrf())
			.param("PLAN_INSTALMENT_DUE", "Оплатите {amount} до {date}: {link}").param("sender", "Vozvrat"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Назовите агентство");

		// Written out, the agency's name and phone do as well as the placeholders; the next reminder reads it.
		texts.clear();
		texts.put(MessageTemplate.PLAN_INSTALMENT_DUE, agency.tenant().name() + ", 8 (495) 000-00-00: оплатите {amount} до {date}, {link}");
		templates.save(tenant, texts, "Vozvrat", AuditActor.COMMAND_LINE);
		assertThat(templates.sender(tenant)).contains("Vozvrat");
		assertThat(templates.text(tenant, MessageTemplate.PLAN_INSTALMENT_DUE)).startsWith(agency.tenant().name());
	}

	@Test
	void savingOrResettingATemplateOrTheSenderIsAuditedNamingTheTemplateNotItsText() throws Exception {
		String wording = "{agency}, тел. {phone}: до {date} внесите {amount} — особая формулировка, {link}";
		mvc.perform(post("/contact-templates").with(user(fixtures.admin(agency))).with(csrf())
			.param("PLAN_INSTALMENT_DUE", wording).param("sender", "Vozvrat"));

		assertThat(audited()).containsExactlyInAnyOrder(
				"CONTACT_TEMPLATE_SAVED plan.instalment-due template:PLAN_INSTALMENT_DUE",
				"CONTACT_SENDER_CHANGED sms-sender sender:Vozvrat");
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action like 'CONTACT_%' "
				+ "and (actor is distinct from ? or detail like '%особая%')")
			.params(tenant.value(), "user:" + agency.admin().id().value()).query(Long.class).single())
			.as("done by the admin, and the text is not in the log").isZero();

		// Saved again as it reads: no change, nothing recorded.
		mvc.perform(post("/contact-templates").with(user(fixtures.admin(agency))).with(csrf())
			.param("PLAN_INSTALMENT_DUE", wording).param("sender", "Vozvrat"));
		assertThat(audited()).hasSize(2);

		// Emptied: back to the default, and the sender removed.
		mvc.perform(post("/contact-templates").with(user(fixtures.admin(agency))).with(csrf())
			.param("PLAN_INSTALMENT_DUE", "").param("sender", ""));
		assertThat(audited()).hasSize(4).contains("CONTACT_TEMPLATE_RESET plan.instalment-due template:PLAN_INSTALMENT_DUE",
				"CONTACT_SENDER_CHANGED sms-sender sender:none");
		assertThat(templates.text(tenant, MessageTemplate.PLAN_INSTALMENT_DUE))
			.isEqualTo(MessageTemplate.PLAN_INSTALMENT_DUE.defaultText());
	}

	private List<String> audited() {
		return jdbc.sql("""
				select action || ' ' || object_id || ' ' || detail from audit_events
				where tenant_id = ? and action in ('CONTACT_TEMPLATE_SAVED', 'CONTACT_TEMPLATE_RESET', 'CONTACT_SENDER_CHANGED')""")
			.param(tenant.value()).query(String.class).list();
	}

	@Test
	void theAdminSeesTheTextsAsTheyReadNowAndAManagerDoesNotSeeThePage() throws Exception {
		String page = mvc.perform(get("/contact-templates").with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Тексты сообщений должникам", "Имя отправителя SMS", "Напоминание о платеже по плану",
				"платёж по плану {amount} до {date}", "{agency}", "{phone}");
		assertThat(mvc.perform(get("/contact-templates").with(user(fixtures.signedIn(fixtures.manager(agency).email().value()))))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private Outbound reminder(String which) {
		return Outbound.text(tenant, debtor.id(), debt.id(), Initiative.COLLECTION, "plan.behind",
				"«" + agency.tenant().name() + "»: " + which + ". Тел. " + Reachable.AGENCY_PHONE, null);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released within 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a transaction waits for the gate's lock on this debtor ({@link Contacting#lock}) within {@code limit}. */
	private boolean waitsForHisLock(TenantId tenant, ContactId debtor, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		do {
			// a bigint advisory lock is shown as its high 32 bits (classid) and low 32 bits (objid)
			boolean waiting = jdbc.sql("""
					select exists (select 1 from pg_locks where locktype = 'advisory' and not granted
					               and ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0))""")
				.param("contact_attempts:" + tenant.value() + ":" + debtor.value())
				.query(Boolean.class)
				.single();
			if (waiting) {
				return true;
			}
			Thread.onSpinWait();
		}
		while (System.nanoTime() < deadline);
		return false;
	}

	record Row(String purpose, String initiative, String state, String reason, boolean counted, Instant dueAt,
			String body) {
	}

	private List<Row> attempts() {
		return jdbc.sql("""
				select purpose, initiative, state, reason, counted, due_at, body from contact_attempts
				where tenant_id = ? order by created_at desc""")
			.param(tenant.value())
			.query((row, n) -> new Row(row.getString("purpose"), row.getString("initiative"), row.getString("state"),
					row.getString("reason"), row.getBoolean("counted"),
					row.getTimestamp("due_at") == null ? null : row.getTimestamp("due_at").toInstant(),
					personalData.open("contact_attempts.body", new Sealed(row.getBytes("body")))))
			.list();
	}
}
