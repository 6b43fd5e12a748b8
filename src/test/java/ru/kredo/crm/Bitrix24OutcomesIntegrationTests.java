package ru.kredo.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.crm.internal.Bitrix24Dispatch;
import ru.kredo.crm.internal.Bitrix24Outcomes;
import ru.kredo.crm.internal.Crm;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 15, outcomes from Bitrix24 and the pipelines kept, against {@link FakeBitrix24}: connecting binds the events
 * (and disconnecting unbinds them; «Подписаться заново» binds them at a new address); a manager completing Kredo's
 * task, or moving Kredo's deal to a won or lost stage, closes the signal once, as a manager in Kredo would (audited as
 * Bitrix24); the handler's address is no way in (an unknown token, another application's token, a forged domain, an
 * entity Kredo did not create, an oversized body); the pipelines are read once per few minutes and afresh on demand.
 */
@IntegrationTest
class Bitrix24OutcomesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmDeliveries deliveries;

	@Autowired
	Bitrix24Dispatch dispatch;

	@Autowired
	Bitrix24Outcomes outcomes;

	@Autowired
	Signals signals;

	@Autowired
	JdbcClient jdbc;

	FakeBitrix24 bitrix;
	Provisioned broker;
	UserDetails admin;

	@BeforeEach
	void setUp() {
		bitrix = FakeBitrix24.start();
		broker = fixtures.tenant(TenantKind.BROKER);
		admin = fixtures.admin(broker);
	}

	@AfterEach
	void stop() {
		bitrix.stop();
	}

	@Test
	void connectingBindsTheEventsDisconnectingUnbindsThemAndTheyCanBeBoundAgain() throws Exception {
		MvcResult connected = connect();

		assertThat(connected.getFlashMap().get("notice")).isEqualTo("crm.bitrix24.connected");
		assertThat(bitrix.bindings()).extracting(b -> b.path("event").asString())
			.containsExactlyInAnyOrder("ONTASKUPDATE", "ONCRMDEALUPDATE");
		String handler = handler();
		// From kredo.base-url, not from the host the admin's request named (below, another one).
		assertThat(handler).matches("http://localhost:8080/crm/bitrix24/events/[A-Za-z0-9_-]{43}");
		assertThat(bitrix.bindings()).allSatisfy(b -> assertThat(b.path("handler").asString()).isEqualTo(handler));
		assertThat(page()).contains("id=\"bitrix24-events\"").contains("id=\"bitrix24-subscribe\"");

		mvc.perform(post("/crm/bitrix24/subscribe").with(user(admin)).with(csrf()));

		String again = handler();
		assertThat(again).isNotEqualTo(handler);
		assertThat(bitrix.bindings()).hasSize(2)
			.allSatisfy(b -> assertThat(b.path("handler").asString()).isEqualTo(again));
		assertThat(postEvent(handler, "event=ONTASKUPDATE").getStatus()).as("the old address finds nobody")
			.isEqualTo(404);

		mvc.perform(post("/crm/bitrix24/disconnect").with(user(admin)).with(csrf()));

		assertThat(bitrix.bindings()).isEmpty();
		assertThat(postEvent(again, "event=ONTASKUPDATE").getStatus()).as("a disconnected portal's address finds nobody")
			.isEqualTo(404);
		assertThat(audit()).containsExactly(
				"BITRIX24_KEYS_SAVED user bitrix24-portal:" + bitrix.portal() + ";bitrix24-secret-changed",
				"BITRIX24_CONNECTED user bitrix24-portal:" + bitrix.portal() + ";bitrix24-events:subscribed",
				"BITRIX24_EVENTS_SUBSCRIBED user bitrix24-events:subscribed", "BITRIX24_DISCONNECTED user null");
		assertThat(mvc.perform(get("/audit").with(user(admin))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("подписка на события результатов оформлена")
			.contains("Подписка на события Битрикс24 оформлена заново");
	}

	@Test
	void anEventThePortalWillNotBindIsShownOnThePageAndOutcomesAreSaidNotToComeBack() throws Exception {
		bitrix.withoutTaskScope();

		MvcResult connected = connect();

		assertThat(connected.getFlashMap().get("notice")).isEqualTo("crm.bitrix24.connected-without-events");
		assertThat(bitrix.bindings()).extracting(b -> b.path("event").asString()).containsExactly("ONCRMDEALUPDATE");
		assertThat(page()).contains("id=\"bitrix24-connected\"").contains("id=\"bitrix24-no-events\"")
			.contains("insufficient_scope").doesNotContain("id=\"bitrix24-events\"");
		assertThat(audit().getLast()).endsWith("bitrix24-events:refused");
	}

	@Test
	void aCompletedTaskClosesItsSignalOnceAuditedAsBitrix24EvenWhenTheEventComesTwice() throws Exception {
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		connect();
		long task = deliver(signal, "6601");

		List<FakeBitrix24.Event> events = bitrix.completeTask(task);
		assertThat(events).hasSize(1);
		assertThat(postEvent(events.getFirst().handler(), events.getFirst().body()).getStatus()).isEqualTo(200);
		assertThat(signals.get(broker.tenant().id(), signal.id()).status()).as("read back later, not in the request")
			.isEqualTo(SignalStatus.OPEN);
		assertThat(readBack()).containsExactly("TASK " + task + " REACHED");

		Signal closed = signals.get(broker.tenant().id(), signal.id());
		assertThat(closed.status()).isEqualTo(SignalStatus.CLOSED);
		assertThat(closed.outcome()).isEqualTo(Outcome.REACHED);
		assertThat(bitrix.requests()).contains("tasks.task.get", "app.info");
		assertThat(audit()).contains("SIGNAL_CLOSED crm:bitrix24 REACHED;bitrix24-task:" + task);

		// The same event again (or the task edited once more) reads nothing more: the signal has its outcome.
		assertThat(postEvent(events.getFirst().handler(), events.getFirst().body()).getStatus()).isEqualTo(200);
		assertThat(readBack()).containsExactly("TASK " + task + " REACHED");
		assertThat(bitrix.requests()).filteredOn("tasks.task.get"::equals).hasSize(1);
		assertThat(audit()).filteredOn(line -> line.startsWith("SIGNAL_CLOSED")).hasSize(1);
	}

	@Test
	void aDealMovedToAWonStageClosesItsSignalAsADeal() throws Exception {
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		connect();
		choose("0:NEW");
		long deal = deliver(signal, "6602");

		bitrix.moveDeal(deal, "WON").forEach(event -> postEvent(event.handler(), event.body()));

		assertThat(readBack()).containsExactly("DEAL " + deal + " DEAL");
		assertThat(signals.get(broker.tenant().id(), signal.id()).outcome()).isEqualTo(Outcome.DEAL);
		assertThat(audit()).contains("SIGNAL_CLOSED crm:bitrix24 DEAL;bitrix24-deal:" + deal);
	}

	@Test
	void aDealMovedToALostStageClosesItsSignalAnotherStageDoesNot() throws Exception {
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		connect();
		choose("0:NEW");
		long deal = deliver(signal, "6603");

		bitrix.moveDeal(deal, "PREPARATION").forEach(event -> postEvent(event.handler(), event.body()));
		assertThat(readBack()).containsExactly("DEAL " + deal + " null");
		assertThat(signals.get(broker.tenant().id(), signal.id()).status()).isEqualTo(SignalStatus.OPEN);

		bitrix.moveDeal(deal, "LOSE").forEach(event -> postEvent(event.handler(), event.body()));
		assertThat(readBack()).containsExactly("DEAL " + deal + " NOT_INTERESTED");
		assertThat(signals.get(broker.tenant().id(), signal.id()).outcome()).isEqualTo(Outcome.NOT_INTERESTED);
	}

	@Test
	void theHandlersAddressIsNoWayIn() throws Exception {
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		connect();
		long task = deliver(signal, "6604");
		FakeBitrix24.Event real = bitrix.completeTask(task).getFirst();

		// An unknown address, and a path that is not one.
		assertThat(postEvent("http://localhost/crm/bitrix24/events/" + "A".repeat(43), real.body()).getStatus())
			.isEqualTo(404);
		assertThat(postEvent("http://localhost/crm/bitrix24/events/short", real.body()).getStatus()).isEqualTo(404);
		// Our address with an access token the portal does not vouch for (no event has taught Kredo the application's
		// token yet), another portal's domain or member: refused, nothing due, nothing read.
		assertThat(postEvent(real.handler(), real.body().replaceAll("auth%5Baccess_token%5D=[0-9a-f]+",
				"auth%5Baccess_token%5D=forged")).getStatus()).isEqualTo(401);
		assertThat(postEvent(real.handler(), real.body().replace(encoded(bitrix.portal()), "evil.bitrix24.ru"))
			.getStatus()).isEqualTo(401);
		assertThat(postEvent(real.handler(), real.body().replace(FakeBitrix24.MEMBER_ID, "0123")).getStatus())
			.isEqualTo(401);
		assertThat(postEvent(real.handler(), "x=" + "a".repeat(40_000)).getStatus()).isEqualTo(413);
		assertThat(dueRows()).isZero();
		assertThat(readBack()).isEmpty();
		assertThat(bitrix.requests()).doesNotContain("tasks.task.get");

		// A task Kredo did not create, through our address with the real signature: taken and ignored, no request.
		bitrix.addOtherTask(6604, "Перезвонить");
		long others = bitrix.allTasks().getLast().path("id").asLong();
		FakeBitrix24.Event foreign = bitrix.completeTask(others).getFirst();
		assertThat(postEvent(foreign.handler(), foreign.body()).getStatus()).isEqualTo(200);
		assertThat(dueRows()).isZero();

		// The application's token is known now: an event signed with another is refused, even with a live access token.
		assertThat(postEvent(real.handler(), real.body().replace(FakeBitrix24.APPLICATION_TOKEN, "forged")).getStatus())
			.isEqualTo(401);
		assertThat(dueRows()).isZero();
		assertThat(postEvent(real.handler(), real.body()).getStatus()).isEqualTo(200);
		assertThat(readBack()).containsExactly("TASK " + task + " REACHED");
	}

	@Test
	void thePipelinesAreReadOncePerFewMinutesAndAfreshOnRefreshOrReconnect() throws Exception {
		connect();
		bitrix.addPipeline(3, "Просрочка", "NEW:Новая просрочка", "CALL:Звонок должнику");

		assertThat(page()).contains("value=\"3:C3:CALL\"").contains("id=\"bitrix24-pipelines-refresh\"");
		int read = pipelineRequests();
		assertThat(read).isEqualTo(3);
		bitrix.addPipeline(5, "Рефинансирование", "NEW:Заявка");

		assertThat(page()).contains("value=\"3:C3:CALL\"").doesNotContain("value=\"5:C5:NEW\"");
		assertThat(pipelineRequests()).as("a second view asks Bitrix24 nothing").isEqualTo(read);

		mvc.perform(post("/crm/bitrix24/pipelines").with(user(admin)).with(csrf()));
		assertThat(page()).contains("value=\"5:C5:NEW\"");
		assertThat(pipelineRequests()).as("«Обновить список» reads them again").isEqualTo(read + 4);

		mvc.perform(post("/crm/bitrix24/disconnect").with(user(admin)).with(csrf()));
		connect();
		bitrix.addPipeline(7, "Суды", "NEW:Иск");
		assertThat(page()).contains("value=\"7:C7:NEW\"");
	}

	// ---

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private MvcResult connect() throws Exception {
		mvc.perform(post("/crm/bitrix24/keys").param("portal", bitrix.portal()).param("clientId", FakeBitrix24.CLIENT_ID)
			.param("clientSecret", FakeBitrix24.CLIENT_SECRET).with(user(admin)).with(csrf()));
		MockHttpSession session = new MockHttpSession();
		MvcResult consent = mvc.perform(post("/crm/bitrix24/connect").session(session).with(user(admin)).with(csrf()))
			.andReturn();
		Map<String, String> query = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl())
			.build().getQueryParams().toSingleValueMap();
		return mvc.perform(get("/crm/bitrix24/callback").param("code", bitrix.issueCode())
			.param("state", query.get("state")).param("domain", bitrix.portal())
			.param("member_id", FakeBitrix24.MEMBER_ID).session(session).with(user(admin)).with(request -> {
				request.setServerName("kredo.internal"); // as X-Forwarded-Host from a trusted proxy would set it
				return request;
			})).andReturn();
	}

	private void choose(String dealStage) throws Exception {
		mvc.perform(post("/crm/bitrix24/action").param("action", "DEAL").param("dealStage", dealStage)
			.with(user(admin)).with(csrf()));
	}

	private String handler() {
		return bitrix.bindings().getFirst().path("handler").asString();
	}

	private int pipelineRequests() {
		return (int) bitrix.requests().stream()
			.filter(r -> r.equals("crm.category.list") || r.equals("crm.status.list")).count();
	}

	/** Carries the signal into Bitrix24 (as the contact of this Bitrix24 id); the id of what was created. */
	private long deliver(Signal signal, String contactId) {
		bitrix.addContact(Long.parseLong(contactId), 77, "Семёнова Анна");
		// A fold of its own (count 7): the listener may have queued the raised signal itself, with no contact to find.
		deliveries.enqueue(Crm.BITRIX24, new SignalRaised(broker.tenant().id(), signal.id().value(),
				signal.watchId().value(), signal.contactId().value(), "Семёнова Анна Петровна", Segment.DEBTOR,
				signal.eventType(), 1, "Взял кредит — позвоните сегодня", 7, Instant.now(), null, null, contactId),
				Instant.now());
		// The queue is shared with every test's tenants (their stand-ins long gone): work it until ours is taken.
		CrmDeliveries.Delivery done = await().atMost(Duration.ofSeconds(60)).until(() -> {
			dispatch.dispatchDue(Instant.now());
			return deliveries.latest(Crm.BITRIX24, broker.tenant().id(), 10).stream()
				.filter(d -> d.signalCount() == 7).findFirst().orElseThrow();
		}, delivery -> !delivery.status().equals("PENDING"));
		assertThat(done.status()).isEqualTo("DONE");
		return done.amoEntityId();
	}

	/**
	 * Reads back what is due (other tests' rows too: the table is shared) and answers this tenant's rows as «TYPE id
	 * result», none of them still due.
	 */
	private List<String> readBack() {
		for (int batches = 0; batches < 50 && outcomes.readDue(Instant.now()) > 0; batches++) {
			// each batch either finishes its rows or puts them off: this ends
		}
		return jdbc.sql("""
				select entity_type || ' ' || entity_id || ' ' || coalesce(result, 'null') || case when due_at is null
				    then '' else ' due' end from crm_bitrix24_outcomes where tenant_id = ? order by updated_at""")
			.param(broker.tenant().id().value()).query(String.class).list();
	}

	private long dueRows() {
		return jdbc.sql("select count(*) from crm_bitrix24_outcomes where tenant_id = ?")
			.param(broker.tenant().id().value()).query(Long.class).single();
	}

	private MockHttpServletResponse postEvent(String handler, String body) {
		try {
			return mvc.perform(post(URI.create(handler).getPath())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body.getBytes(StandardCharsets.UTF_8)))
				.andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String page() throws Exception {
		return mvc.perform(get("/crm/bitrix24").with(user(admin))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The tenant's Bitrix24 and outcome audit entries, oldest first: «ACTION actor detail» (a user's as {@code user}). */
	private List<String> audit() {
		return jdbc.sql("""
				select action || ' ' || case when actor like 'user:%' then 'user' else actor end || ' ' || coalesce(detail, 'null')
				from audit_events where tenant_id = ? and (action like 'BITRIX24%' or action = 'SIGNAL_CLOSED') order by id""")
			.param(broker.tenant().id().value()).query(String.class).list();
	}
}
