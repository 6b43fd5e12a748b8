package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.StatementCounter;
import ru.kredo.audit.AuditActor;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.ContactBars;
import ru.kredo.contacting.SmsDelivery;
import ru.kredo.contacts.Contact;
import ru.kredo.events.CreditEventType;
import ru.kredo.money.Money;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Invitations to the cabinet (issue 14, the loop): a portfolio's debtors invited through the contact gate — sent to
 * one awake, held for one asleep, refused for one under a bar — each by a personal link whose visitors count in the
 * funnel under the invitation; and a debtor invited on a sign of new money, once a month.
 */
@IntegrationTest
class InvitationsIntegrationTests {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/i/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])");

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc pages;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reachable reachable;

	@Autowired
	Debts debts;

	@Autowired
	ContactBars bars;

	@Autowired
	Invitations invitations;

	@Autowired
	SmsDelivery outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ru.kredo.monitoring.Watches watches;

	@Autowired
	ru.kredo.events.CreditEventIngestion ingestion;

	@Test
	void aPortfolioIsInvitedThroughTheGateAndWhoComesByItsLinksCountsUnderIt() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		reachable.named(tenant);
		UserDetails admin = fixtures.admin(agency);
		UUID portfolio = portfolio(tenant);
		Contact awake = debtor(agency, portfolio);
		reachable.awake(tenant, awake.id());
		Contact asleep = debtor(agency, portfolio);
		reachable.asleep(tenant, asleep.id());
		Contact bankrupt = debtor(agency, portfolio);
		reachable.awake(tenant, bankrupt.id());
		bars.mark(tenant, bankrupt.id(), BarKind.BANKRUPTCY, null, "operator", null, AuditActor.COMMAND_LINE);
		Contact repaid = fixtures.contact(agency);
		debts.writeOff(tenant, debt(tenant, repaid, portfolio).id());

		String page = pages.staffPage("/debtors/portfolios/" + portfolio + "/invitations", admin);
		assertThat(page).contains("Приглашение получит 3 должника", Reachable.AGENCY_PHONE, "/i/AbCdEfGhIjKlMnOpQrStUv");

		MvcResult invited = mvc.perform(post("/debtors/portfolios/" + portfolio + "/invitations").with(csrf())
			.with(user(admin))).andReturn();
		UUID invitation = jdbc.sql("select id from cabinet_invitations where tenant_id = ?").param(tenant.value())
			.query(UUID.class).single();
		assertThat(invited.getResponse().getRedirectedUrl())
			.isEqualTo("/cabinet-funnel?invitation=" + invitation + "#invitations");
		assertThat(count("select count(*) from cabinet_invitation_links where invitation_id = ?", invitation)).isEqualTo(3);

		assertThat(invitations.sendPending(100)).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select contact_id, state from cabinet_invitation_links where invitation_id = ?")
			.param(invitation)
			.query((row, n) -> row.getObject("contact_id", UUID.class) + ":" + row.getString("state")).list())
			.containsExactlyInAnyOrder(awake.id().value() + ":SENT", asleep.id().value() + ":HELD",
					bankrupt.id().value() + ":REFUSED");

		// the one text that went names the agency and its phone and carries his personal link
		List<SmsDelivery.OutboxMessage> texts = outbox.latest(100).stream().filter(m -> m.tenantId().equals(tenant))
			.filter(m -> m.text().contains("/i/")).toList();
		assertThat(texts).hasSize(1);
		assertThat(texts.getFirst().text()).contains(agency.tenant().name(), Reachable.AGENCY_PHONE);
		// the short link, at the root: the token alone finds the agency
		Matcher link = LINK.matcher(texts.getFirst().text());
		assertThat(link.find()).as("a short link /i/{token} in «%s»", texts.getFirst().text()).isTrue();
		String token = link.group(1);
		assertThat(mvc.perform(get("/i/" + token)).andReturn().getResponse().getRedirectedUrl())
			.as("on to the agency's cabinet, where the visitor's cookie is").isEqualTo("/cabinet/" + tenant.value() + "/i/" + token);
		assertThat(mvc.perform(get("/i/NotATokenNotATokenNotA")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(count("select count(*) from cabinet_invitation_links where invitation_id = ? and opened_at is not null",
				invitation)).as("the short link alone records nothing").isZero();
		// a messenger's preview of his link, or a scanner's HEAD, is not him opening it
		mvc.perform(get("/cabinet/" + tenant.value() + "/i/" + token).header("User-Agent", "TelegramBot (like TwitterBot)"));
		mvc.perform(head("/cabinet/" + tenant.value() + "/i/" + token));
		assertThat(count("select count(*) from cabinet_invitation_links where invitation_id = ? and opened_at is not null",
				invitation)).as("previews record nothing").isZero();
		assertThat(count("select count(*) from cabinet_funnel_sources where invitation_id = ?", invitation)).isZero();

		// his link opens the door and counts him under the invitation; a made-up token opens the door and counts nobody
		MvcResult opened = mvc.perform(get("/cabinet/" + tenant.value() + "/i/" + token)).andReturn();
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/cabinet/" + tenant.value());
		assertThat(mvc.perform(get("/cabinet/" + tenant.value() + "/i/NotAToken")).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/cabinet/" + tenant.value());
		assertThat(count("select count(*) from cabinet_funnel_sources where invitation_id = ?", invitation)).isEqualTo(1);
		assertThat(count("select count(*) from cabinet_invitation_links where invitation_id = ? and opened_at is not null",
				invitation)).isEqualTo(1);
		// another agency's address does not open this agency's link
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		mvc.perform(get("/cabinet/" + other.tenant().id().value() + "/i/" + token));
		assertThat(count("select count(*) from cabinet_funnel_sources where tenant_id = ?", other.tenant().id().value()))
			.isZero();

		String funnel = pages.staffPage("/cabinet-funnel?invitation=" + invitation, admin);
		assertThat(funnel).contains("Воронка посетителей, пришедших по выбранному приглашению", "id=\"invitation-lines\"");
		assertThat(invitations.of(tenant, 20)).singleElement().satisfies(line -> {
			assertThat(line.debtors()).isEqualTo(3);
			assertThat(line.texts("SENT")).isEqualTo(1);
			assertThat(line.texts("HELD")).isEqualTo(1);
			assertThat(line.texts("REFUSED")).isEqualTo(1);
			assertThat(line.opened()).isEqualTo(1);
		});
		// «so the agency sees which invitations bring payments»: the visitor who came by it signs in and pays, and the
		// line counts him; a visitor who came by no invitation and paid counts under none
		UUID visitor = jdbc.sql("select visitor from cabinet_funnel_sources where invitation_id = ?").param(invitation)
			.query(UUID.class).single();
		funnels.reached(tenant, visitor, ru.kredo.cabinet.FunnelStep.CODE_CONFIRMED);
		funnels.reached(tenant, visitor, ru.kredo.cabinet.FunnelStep.PAYMENT_SUCCEEDED);
		UUID stranger = UUID.randomUUID();
		funnels.reached(tenant, stranger, ru.kredo.cabinet.FunnelStep.CODE_CONFIRMED);
		funnels.reached(tenant, stranger, ru.kredo.cabinet.FunnelStep.PAYMENT_SUCCEEDED);
		assertThat(invitations.of(tenant, 20)).singleElement().satisfies(line -> {
			assertThat(line.signedIn()).isEqualTo(1);
			assertThat(line.paid()).isEqualTo(1);
		});

		// another agency's admin, and the agency's manager, do not invite this portfolio
		assertThat(mvc.perform(post("/debtors/portfolios/" + portfolio + "/invitations").with(csrf())
			.with(user(fixtures.admin(other)))).andReturn().getResponse().getStatus()).isEqualTo(404);
		UserDetails manager = fixtures.signedIn(fixtures.manager(agency).email().value());
		assertThat(mvc.perform(get("/debtors/portfolios/" + portfolio + "/invitations").with(user(manager))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aPortfolioIsInvitedByApiAsByItsPageAndAnotherAgencysIsNotFound() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		reachable.named(tenant);
		UUID portfolio = portfolio(tenant);
		Contact awake = debtor(agency, portfolio);
		reachable.awake(tenant, awake.id());
		Contact other = debtor(agency, portfolio);
		reachable.awake(tenant, other.id());
		String path = "/api/v1/portfolios/" + portfolio + "/invitations";

		// Another agency's key, and a broker's, find no such portfolio; nothing is done. An unknown one, or no id at
		// all, is a 404 too.
		for (Provisioned stranger : List.of(fixtures.tenant(TenantKind.COLLECTOR), fixtures.tenant(TenantKind.BROKER))) {
			assertThat(mvc.perform(post(path).header("Authorization", "Bearer " + stranger.apiKey().secret()))
				.andReturn().getResponse().getStatus()).isEqualTo(404);
		}
		MvcResult unknown = mvc.perform(post("/api/v1/portfolios/" + UUID.randomUUID() + "/invitations")
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
		assertThat(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("portfolio.not-found",
				"Реестр не найден.");
		MvcResult notAnId = mvc.perform(post("/api/v1/portfolios/not-an-id/invitations")
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(notAnId.getResponse().getStatus()).isEqualTo(404);
		assertThat(links(tenant)).isZero();

		MvcResult invited = mvc.perform(post(path).header("Authorization", "Bearer " + agency.apiKey().secret()))
			.andReturn();
		assertThat(invited.getResponse().getStatus()).isEqualTo(201);
		UUID invitation = jdbc.sql("select id from cabinet_invitations where tenant_id = ?").param(tenant.value())
			.query(UUID.class).single();
		assertThat(invited.getResponse().getContentAsString()).contains("\"id\":\"" + invitation + "\"",
				"\"portfolioId\":\"" + portfolio + "\"", "\"debtors\":2");
		assertThat(count("select count(*) from cabinet_invitation_links where invitation_id = ?", invitation))
			.isEqualTo(2);
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'INVITATIONS_SENT'")
			.param(tenant.value()).query(String.class).single()).startsWith("api-key:");
		// The same sending as the page's: through the gate, each his text with his link.
		assertThat(invitations.sendPending(100)).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select state from cabinet_invitation_links where invitation_id = ?").param(invitation)
			.query(String.class).list()).containsExactly("SENT", "SENT");
	}

	@Test
	void aSignOfNewMoneyInvitesTheDebtorOnceAMonthAndOnlyAnAgencysDebtor() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		Contact debtor = debtor(agency, null);
		publish(tenant, debtor, CreditEventType.LOAN_DISBURSED);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> links(tenant) == 1);
		assertThat(jdbc.sql("select i.source from cabinet_invitations i where i.tenant_id = ?").param(tenant.value())
			.query(String.class).single()).isEqualTo("NEW_MONEY");

		// cured overdue on another loan a week later: already invited this month
		publish(tenant, debtor, CreditEventType.OVERDUE_CURED);
		// an event of another kind invites nobody
		Contact other = debtor(agency, null);
		publish(tenant, other, CreditEventType.COURT_CASE);
		Contact third = debtor(agency, null);
		publish(tenant, third, CreditEventType.OVERDUE_CURED);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> links(tenant) == 2);
		assertThat(jdbc.sql("select contact_id from cabinet_invitation_links where tenant_id = ? order by created_at")
			.param(tenant.value()).query(UUID.class).list()).containsExactly(debtor.id().value(), third.id().value());

		// a broker's client in the DEBTOR segment is no agency's debtor
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		publish(broker.tenant().id(), fixtures.contact(broker), CreditEventType.LOAN_DISBURSED);
		Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> links(broker.tenant().id()) == 0);
	}

	@Autowired
	ru.kredo.collections.Offers offers;

	@Autowired
	Funnel funnels;

	/**
	 * Issue 14: a sign of new money «refreshes the debtor's offer per the rules» before he is invited, so the link
	 * opens on a live offer: one lapsed unsigned is renewed, and a debt that has grown old enough for the agency's rule
	 * gets one.
	 */
	@Test
	void aSignOfNewMoneyRenewsHisOffersPerTheRulesBeforeInvitingHim() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		offers.addRule(tenant, "Старше полугода", 180, Money.ZERO, 10, 7, ru.kredo.collections.PartPolicy.IN_FULL);
		Contact debtor = fixtures.contact(agency);
		Debt lapsing = debts.add(tenant, debtor.id(), "АО «Банк»", "И-" + UUID.randomUUID(), LocalDate.of(2021, 5, 5),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 200);
		Debt young = debts.add(tenant, debtor.id(), "АО «Банк»", "И-" + UUID.randomUUID(), LocalDate.of(2021, 5, 5),
				null, DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 170);
		jdbc.sql("update offers set valid_until = current_date - 1 where debt_id = ?").param(lapsing.id().value()).update();
		jdbc.sql("update debts set overdue_since = overdue_since - 10 where id = ?").param(young.id().value()).update();
		assertThat(offers.find(tenant, lapsing.id())).get().extracting(ru.kredo.collections.Offer::status)
			.isEqualTo(ru.kredo.collections.Offer.Status.LAPSED);
		assertThat(offers.find(tenant, young.id())).isEmpty();

		publish(tenant, debtor, CreditEventType.LOAN_DISBURSED);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> links(tenant) == 1);

		assertThat(offers.find(tenant, lapsing.id())).get().extracting(ru.kredo.collections.Offer::status)
			.isEqualTo(ru.kredo.collections.Offer.Status.OFFERED);
		assertThat(offers.find(tenant, young.id())).get().extracting(ru.kredo.collections.Offer::status)
			.isEqualTo(ru.kredo.collections.Offer.Status.OFFERED);
	}

	/** The whole way: a bureau's «loan issued» about an agency's watched debtor, ingested, invites him. */
	@Test
	void aLoanIssuedToAWatchedDebtorInvitesHimThroughTheWholeWay() {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		String passport = "47" + String.format("%02d", Math.floorMod(UUID.randomUUID().hashCode(), 100)) + " "
				+ String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000L));
		ru.kredo.contacts.ContactId debtor = watches.watch(tenant, new ru.kredo.contacts.PersonDetails(
				new ru.kredo.contacts.FullName("Новикова", "Дарья", "Ильинична"), LocalDate.of(1988, 8, 8),
				ru.kredo.contacts.PassportNumber.parse(passport), null, null, null, null),
				ru.kredo.monitoring.WatchTerms.of(Segment.DEBTOR, new ru.kredo.monitoring.Consent(watches.today(),
						"Взыскание", ru.kredo.monitoring.ConsentMethod.PAPER, null, null))).contactId();
		debts.add(tenant, debtor, "АО «Банк»", "Н-" + UUID.randomUUID(), LocalDate.of(2021, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 100);
		String event = """
				{"source":"tests","eventId":"%s","type":"2.2","occurredAt":"%s","subject":{"lastName":"Новикова",
				 "firstName":"Дарья","middleName":"Ильинична","birthDate":"08.08.1988","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), passport.replace(" ", "")).replace("\n", "");
		ingestion.ingest(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> links(tenant) == 1);
		assertThat(jdbc.sql("select contact_id from cabinet_invitation_links where tenant_id = ?").param(tenant.value())
			.query(UUID.class).single()).isEqualTo(debtor.value());
	}

	@Test
	void theFunnelsInvitationsTableReadsAsManyStatementsForThreeInvitationsAsForOne() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		reachable.named(tenant);
		UserDetails admin = fixtures.admin(agency);
		invitePortfolioOfTwo(agency);
		pages.staffPage("/cabinet-funnel", admin);
		StatementCounter.Counted<String> one = StatementCounter.count(() -> pages.staffPage("/cabinet-funnel", admin));
		invitePortfolioOfTwo(agency);
		invitePortfolioOfTwo(agency);

		StatementCounter.Counted<String> three = StatementCounter.count(() -> pages.staffPage("/cabinet-funnel", admin));

		assertThat(invitations.of(tenant, 20)).hasSize(3)
			.allSatisfy(line -> assertThat(line.texts("SENT")).isEqualTo(2));
		assertThat(three.statements()).as("statements of the page with three invitations: %s", three.sql())
			.isEqualTo(one.statements());
		assertThat(three.statementsWith("attempt_id from cabinet_invitation_links")).as("reads of links in %s", three.sql())
			.isEqualTo(1);
	}

	@Test
	void aRoundOfInvitationsReadsTheAgencysWordingOnce() throws Exception {
		StatementCounter.Counted<Integer> one = sendRound(1);
		StatementCounter.Counted<Integer> five = sendRound(5);

		System.out.printf("invitations: %d statements for 1 text, %d for 5: %.1f a text%n", one.statements(),
				five.statements(), (five.statements() - one.statements()) / 4.0);
		assertThat(five.result()).isEqualTo(5);
		assertThat(five.statementsWith("from contact_senders")).as("reads of the sender in %s", five.sql()).isEqualTo(1);
		assertThat(five.statementsWith("from agency_requisites")).as("reads of the phone in %s", five.sql()).isEqualTo(1);
		assertThat(five.statementsWith("from contact_templates")).as("reads of the text in %s", five.sql()).isEqualTo(1);
	}

	/** A new agency's portfolio of {@code debtors}, all awake, invited and sent in one round: what the round cost. */
	private StatementCounter.Counted<Integer> sendRound(int debtors) throws Exception {
		while (invitations.sendPending(100) > 0) {
			// what other tests left waiting goes first, so that the round counted is this agency's alone
		}
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		reachable.named(tenant);
		UUID portfolio = portfolio(tenant);
		for (int i = 0; i < debtors; i++) {
			reachable.awake(tenant, debtor(agency, portfolio).id());
		}
		invitations.invitePortfolio(tenant, portfolio, AuditActor.COMMAND_LINE);
		return StatementCounter.count(() -> invitations.sendPending(100));
	}

	private void invitePortfolioOfTwo(Provisioned agency) {
		TenantId tenant = agency.tenant().id();
		UUID portfolio = portfolio(tenant);
		for (int i = 0; i < 2; i++) {
			reachable.awake(tenant, debtor(agency, portfolio).id());
		}
		invitations.invitePortfolio(tenant, portfolio, AuditActor.COMMAND_LINE);
		invitations.sendPending(100);
	}

	private void publish(TenantId tenant, Contact debtor, CreditEventType type) {
		transactions.executeWithoutResult(status -> events.publishEvent(SignalsRaised.of(new SignalRaised(tenant,
				UUID.randomUUID(), UUID.randomUUID(), debtor.id().value(), "Должник", Segment.DEBTOR, type, 1, "Сигнал", 1,
				Instant.now(), null, null))));
	}

	private long links(TenantId tenant) {
		return count("select count(*) from cabinet_invitation_links where tenant_id = ?", tenant.value());
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private UUID portfolio(TenantId tenant) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into portfolios (id, tenant_id, name, created_at) values (?, ?, ?, ?)")
			.params(id, tenant.value(), "Портфель " + id, Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private Contact debtor(Provisioned agency, UUID portfolio) {
		Contact debtor = fixtures.contact(agency);
		debt(agency.tenant().id(), debtor, portfolio);
		return debtor;
	}

	private Debt debt(TenantId tenant, Contact debtor, UUID portfolio) {
		Debt debt = debts.add(tenant, debtor.id(), "АО «Банк»", "И-" + UUID.randomUUID(), LocalDate.of(2021, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 100);
		if (portfolio != null) {
			jdbc.sql("update debts set portfolio_id = ? where id = ?").params(portfolio, debt.id().value()).update();
		}
		return debt;
	}
}
