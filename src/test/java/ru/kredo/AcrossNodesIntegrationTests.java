package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Nodes.Browser;
import ru.kredo.Nodes.Live;
import ru.kredo.accounts.User;
import ru.kredo.contacts.Contact;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.crm.FakeAmoCrm;
import ru.kredo.crm.internal.AmoCrmClient;
import ru.kredo.crm.internal.AmoCrmException;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.database.EventPublicationResubmission;
import ru.kredo.platform.database.PublicationProbe;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * What two nodes on one PostgreSQL share besides sessions and the limits that protect people (docs/scaling.md): live
 * pages (the PostgreSQL fan-out: a message written through one node reaches a page open on the other, a debtor whose
 * chat is open on either is not away, a lost listening connection misses nothing), the event publications a dead node
 * left (run again once, by one node), and amoCRM's pace (one count for both nodes).
 */
class AcrossNodesIntegrationTests {

	private static ConfigurableApplicationContext a;
	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoNodes() {
		String[] settings = { "--kredo.trusted-proxies=127.0.0.1", "--kredo.conversations.fanout=postgres",
				// A closed page is noticed at the next heartbeat; a lost listening connection is opened again after 2 s.
				"--kredo.conversations.heartbeat=1s", "--kredo.conversations.fanout-reconnect-delay=2s" };
		a = Nodes.start(settings);
		b = Nodes.start(settings);
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { a, b }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
	}

	@Test
	void aMessageWrittenThroughOneNodeReachesTheConversationOpenOnTheOther() {
		Provisioned agency = a.getBean(Fixtures.class).tenant(TenantKind.COLLECTOR);
		Contact debtor = a.getBean(Fixtures.class).contact(agency);
		User operator = a.getBean(Fixtures.class).manager(agency);
		Message question = a.getBean(Conversations.class).fromDebtor(agency.tenant().id(), debtor.id(),
				"Можно рассрочку?", null);

		Browser staff = signedInStaff(b, agency);
		try (Live page = staff.live(b, "/inbox/" + question.conversationId().value() + "/stream?after="
				+ (question.id() - 1))) {
			// Open: it has shown what came after the page (the question).
			await().atMost(Duration.ofSeconds(10)).until(() -> page.text().contains("Можно рассрочку?"));
			a.getBean(Conversations.class).reply(agency.tenant().id(), question.conversationId(), operator.id(),
					"Да, пришлите справку", null);

			await().atMost(Duration.ofSeconds(5)).until(() -> page.text().contains("Да, пришлите справку"));
			assertThat(page.text()).contains("event:message");
		}
	}

	@Test
	void aDebtorWhoseChatIsOpenOnAnotherNodeIsNotTextedAndIsOnceHeLeaves() {
		Provisioned agency = a.getBean(Fixtures.class).tenant(TenantKind.COLLECTOR);
		Contact debtor = a.getBean(Fixtures.class).contact(agency);
		TenantId tenant = agency.tenant().id();
		a.getBean(Reachable.class).named(tenant);
		a.getBean(Reachable.class).awake(tenant, debtor.id());
		User operator = a.getBean(Fixtures.class).manager(agency);
		Message question = a.getBean(Conversations.class).fromDebtor(tenant, debtor.id(), "Когда ответите?", null);
		Browser guest = signedInDebtor(agency);
		TextedCodes texted = a.getBean(TextedCodes.class);
		long texts = texted.count(tenant);

		// His chat open on B; the operator answers through A: no text, and the answer reaches him there.
		String door = "/cabinet/" + tenant.value();
		try (Live chat = guest.live(b, door + "/chat/stream?after=" + (question.id() - 1))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> chat.text().contains("Когда ответите?"));
			a.getBean(Conversations.class).reply(tenant, question.conversationId(), operator.id(), "Уже отвечаем", null);
			await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
				.until(() -> texted.count(tenant) == texts);
			await().atMost(Duration.ofSeconds(5)).until(() -> chat.text().contains("Уже отвечаем"));
			// Read there (node A's cache of his unread count would not know it for 30 s: the database does).
			await().atMost(Duration.ofSeconds(5)).until(() -> jdbc().sql(
					"select debtor_unread from conversations where id = ?").param(question.conversationId().value())
				.query(Integer.class).single() == 0);
		}
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> texted.count(tenant) == texts);

		// He left (B notices at its next heartbeat): the next answer through A is texted, once.
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc().sql(
				"select count(*) from conversation_stream_presence where topic like ?")
			.param("%" + debtor.id().value()).query(Long.class).single() == 0);
		a.getBean(Conversations.class).reply(tenant, question.conversationId(), operator.id(), "Вы здесь?", null);
		await().atMost(Duration.ofSeconds(10)).until(() -> texted.count(tenant) == texts + 1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> texted.count(tenant) == texts + 1);
	}

	@Test
	void aNodeThatLostItsListeningConnectionShowsWhatWasWrittenMeanwhile() {
		Provisioned agency = a.getBean(Fixtures.class).tenant(TenantKind.COLLECTOR);
		Contact debtor = a.getBean(Fixtures.class).contact(agency);
		User operator = a.getBean(Fixtures.class).manager(agency);
		Message question = a.getBean(Conversations.class).fromDebtor(agency.tenant().id(), debtor.id(), "Алло?", null);
		Browser staff = signedInStaff(b, agency);
		try (Live page = staff.live(b, "/inbox/" + question.conversationId().value() + "/stream?after="
				+ (question.id() - 1))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> page.text().contains("Алло?"));

			// Every node's listening connection is cut (a database restart, a network cut); the answer is written at
			// once, while no node listens: its notification reaches nobody.
			assertThat(jdbc().sql("""
					select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'kredo-fanout'""")
				.query(Long.class).single()).as("both nodes' listening connections").isGreaterThanOrEqualTo(2);
			a.getBean(Conversations.class).reply(agency.tenant().id(), question.conversationId(), operator.id(),
					"Ответ в разрыве", null);

			// Listening again (after 2 s), B's open pages look again: the answer is there.
			await().atMost(Duration.ofSeconds(15)).until(() -> page.text().contains("Ответ в разрыве"));
		}
	}

	@Test
	void aPublicationADeadNodeLeftIsRunAgainOnceHoweverManyNodesLook() throws InterruptedException {
		UUID id = UUID.randomUUID();
		PublicationProbe.fails(id);
		a.getBean(TransactionTemplate.class).executeWithoutResult(tx -> a.publishEvent(new PublicationProbe.Probed(id)));
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(id)));
		PublicationProbe.works(id);
		// As a node leaves it that died while running it, an hour ago; its run again takes a while.
		Timestamp anHourAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
		jdbc().sql("""
				update event_publication set status = 'PROCESSING', publication_date = ?, last_resubmission_date = ?
				where serialized_event like ?""").params(anHourAgo, anHourAgo, "%" + id + "%").update();
		PublicationProbe.takes(id, Duration.ofSeconds(2));

		// Both nodes look at once, and again while it runs: it runs once more, not once per look.
		lookOnBothNodes();
		await().atMost(Duration.ofSeconds(10)).until(() -> PublicationProbe.runs(id) >= 2);
		lookOnBothNodes();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == null);
		lookOnBothNodes();
		Thread.sleep(1000);
		assertThat(PublicationProbe.runs(id)).as("its first run and one more").isEqualTo(2);
	}

	@Test
	void aPublicationALiveNodeIsRunningIsLeftToIt() {
		UUID id = UUID.randomUUID();
		PublicationProbe.takes(id, Duration.ofSeconds(3));
		a.getBean(TransactionTemplate.class).executeWithoutResult(tx -> a.publishEvent(new PublicationProbe.Probed(id)));
		await().atMost(Duration.ofSeconds(5)).until(() -> PublicationProbe.runs(id) == 1);

		lookOnBothNodes();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == null);
		assertThat(PublicationProbe.runs(id)).isEqualTo(1);
	}

	@Test
	void anAmoCrmAccountIsPacedOnceForBothNodes() throws Exception {
		FakeAmoCrm amo = FakeAmoCrm.start();
		try {
			String account = amo.baseUrl().substring(amo.baseUrl().lastIndexOf(':') + 1);
			String redirect = "https://kredo.example/crm/amocrm/callback";
			AmoCrmClient.Tokens tokens = a.getBean(AmoCrmClient.class).exchangeCode(account, FakeAmoCrm.CLIENT_ID,
					FakeAmoCrm.CLIENT_SECRET, redirect, amo.issueCode(redirect), Instant.now());
			// Each node dispatches as fast as its pace lets it: seven a second each would be fourteen for the account,
			// and amoCRM answers the eighth in a second with 429.
			List<AmoCrmException> refused = new CopyOnWriteArrayList<>();
			List<CompletableFuture<Void>> sending = new ArrayList<>();
			long started = System.nanoTime();
			for (ConfigurableApplicationContext node : List.of(a, b)) {
				AmoCrmClient client = node.getBean(AmoCrmClient.class);
				sending.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < FakeAmoCrm.LIMIT_PER_SECOND; i++) {
						try {
							client.get(account, tokens.accessToken(), "/api/v4/contacts/" + i);
						}
						catch (AmoCrmException ex) {
							refused.add(ex);
						}
					}
				}));
			}
			CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();

			assertThat(refused).as("requests amoCRM refused").isEmpty();
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.as("fourteen requests, one every 1.1/7 s for the account").isGreaterThan(Duration.ofMillis(1900));
		}
		finally {
			amo.stop();
		}
	}

	private static void lookOnBothNodes() {
		CompletableFuture.allOf(CompletableFuture.runAsync(() -> a.getBean(EventPublicationResubmission.class).resubmit()),
				CompletableFuture.runAsync(() -> b.getBean(EventPublicationResubmission.class).resubmit())).join();
	}

	private static String status(UUID probe) {
		return jdbc().sql("select status from event_publication where serialized_event like ?").param("%" + probe + "%")
			.query(String.class).optional().orElse(null);
	}

	private static JdbcClient jdbc() {
		return a.getBean(JdbcClient.class);
	}

	private static Browser signedInStaff(ConfigurableApplicationContext node, Provisioned agency) {
		Browser staff = new Browser(Nodes.someAddress());
		String csrf = Browser.csrf(staff.get(node, "/login"));
		assertThat(Browser.location(staff.post(node, "/login", csrf,
				Map.of("username", agency.admin().email().value(), "password", Fixtures.PASSWORD)))).isEqualTo("/");
		return staff;
	}

	/** The debtor signs in to the cabinet (with the code texted to him), through node A. */
	private static Browser signedInDebtor(Provisioned agency) {
		String door = "/cabinet/" + agency.tenant().id().value();
		Browser guest = new Browser(Nodes.someAddress());
		TextedCodes texted = a.getBean(TextedCodes.class);
		long before = texted.count(agency.tenant().id());
		guest.post(a, door + "/sign-in", Browser.csrf(guest.get(a, door)),
				Map.of("fullName", "Семёнова Анна Петровна", "phone", "+7 916 555-12-34"));
		String code = texted.latest(agency.tenant().id(), (int) before + 1);
		assertThat(Browser.location(guest.post(a, door + "/code", Browser.csrf(guest.get(a, door + "/code")),
				Map.of("code", code)))).isEqualTo(door + "/home");
		return guest;
	}
}
