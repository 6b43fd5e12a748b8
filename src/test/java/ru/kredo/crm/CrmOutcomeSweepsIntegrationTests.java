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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Nodes;
import ru.kredo.crm.internal.AmoCrmDispatch;
import ru.kredo.crm.internal.AmoCrmOutcomes;
import ru.kredo.crm.internal.Bitrix24Dispatch;
import ru.kredo.crm.internal.Bitrix24Outcomes;
import ru.kredo.crm.internal.Crm;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.crm.internal.CrmOutcomeSweeps;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantKind;

/**
 * Outcomes a CRM's push never brought (Kredo down when amoCRM posted its webhook or Bitrix24 its event), recovered by
 * the sweep ({@link CrmOutcomeSweeps}) against {@link FakeAmoCrm} and {@link FakeBitrix24}: a task completed or a
 * lead/deal won or lost with no push is found by the next sweep and closes its signal, audited «восстановлено
 * сверкой»; one the push delivered is never counted twice, even when the sweep sees it while it is still queued; the
 * watermark and the list reached survive a restart; a 429 backs off; a tenant whose CRM answers 500 does not stop
 * another's, and each page says how its sweep went.
 */
@IntegrationTest
class CrmOutcomeSweepsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmDeliveries deliveries;

	@Autowired
	AmoCrmDispatch amoDispatch;

	@Autowired
	Bitrix24Dispatch bitrixDispatch;

	@Autowired
	AmoCrmOutcomes amoOutcomes;

	@Autowired
	Bitrix24Outcomes bitrixOutcomes;

	@Autowired
	CrmOutcomeSweeps sweeps;

	@Autowired
	Signals signals;

	@Autowired
	JdbcClient jdbc;

	final List<FakeAmoCrm> amos = new ArrayList<>();
	final List<FakeBitrix24> portals = new ArrayList<>();
	final List<UUID> tenants = new ArrayList<>();
	ConfigurableApplicationContext node;

	/**
	 * Besides stopping the stand-ins, ends what this test's tenants left queued: the dispatchers and the outcome reads
	 * take the oldest due rows of every tenant, so rows left here, whose stand-ins are gone, would fill the batches of
	 * the CRM tests that run next in the same database (AmoCrmIntegrationTests found its delivery still PENDING).
	 */
	@AfterEach
	void stop() {
		amos.forEach(FakeAmoCrm::stop);
		portals.forEach(FakeBitrix24::stop);
		if (node != null) {
			node.close();
		}
		if (!tenants.isEmpty()) {
			UUID[] ids = tenants.toArray(UUID[]::new);
			jdbc.sql("update crm_amocrm_deliveries set status = 'FAILED' where status = 'PENDING' and tenant_id = any(?)")
				.param(ids).update();
			jdbc.sql("update crm_amocrm_outcomes set due_at = null where tenant_id = any(?)").param(ids).update();
			jdbc.sql("update crm_bitrix24_outcomes set due_at = null where tenant_id = any(?)").param(ids).update();
		}
	}

	@Test
	void anAmoCrmTaskCompletedAndALeadLostWhileTheWebhookNeverCameAreRecoveredByTheNextSweep() throws Exception {
		Amo amo = amo();
		Signal taskSignal = fixtures.watchedWithSignal(amo.tenant).signal();
		long task = amo.deliver(taskSignal, "5701");
		amo.fake.addPipeline(3301, "Кредиты", 501, "Первичный контакт");
		mvc.perform(post("/crm/amocrm/action").param("action", "LEAD").param("pipelineStatus", "3301:501")
			.with(user(amo.admin)).with(csrf()));
		Signal leadSignal = fixtures.watchedWithSignal(amo.tenant, "Орлова", "4511000002").signal();
		long lead = amo.deliver(leadSignal, "5702");
		assertThat(amo.page()).contains("id=\"amocrm-sweep-never\"");

		// The manager acts; amoCRM's posts never reach Kredo (it was down, amoCRM gave up).
		assertThat(amo.fake.completeTask(task, "не дозвонился")).isNotEmpty();
		assertThat(amo.fake.moveLead(lead, 143)).isNotEmpty();
		assertThat(amoReadBack(amo)).isEmpty();

		Instant now = now();
		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now)).isEqualTo(2);

		// The first sweep after connecting reads from the connection's time on.
		long connected = jdbc.sql("select connected_at from crm_amocrm_accounts where tenant_id = ?")
			.param(amo.tenant.tenant().id().value()).query(java.sql.Timestamp.class).single().toInstant().getEpochSecond();
		assertThat(amo.fake.requests()).anySatisfy(r -> assertThat(r).startsWith("GET /api/v4/tasks?")
			.contains("filter%5Bis_completed%5D=1").contains("filter%5Bupdated_at%5D%5Bfrom%5D=" + connected)
			.contains("filter%5Bupdated_at%5D%5Bto%5D=" + now.getEpochSecond()));
		assertThat(amoReadBack(amo)).containsExactlyInAnyOrder("TASK " + task + " NO_ANSWER", "LEAD " + lead
				+ " NOT_INTERESTED");
		assertThat(signals.get(amo.tenant.tenant().id(), taskSignal.id()).outcome()).isEqualTo(Outcome.NO_ANSWER);
		assertThat(signals.get(amo.tenant.tenant().id(), leadSignal.id()).status()).isEqualTo(SignalStatus.CLOSED);
		assertThat(audit(amo.tenant)).containsExactlyInAnyOrder(
				"SIGNAL_CLOSED crm:amocrm NO_ANSWER;amocrm-task:" + task + ";crm-recovered",
				"SIGNAL_CLOSED crm:amocrm NOT_INTERESTED;amocrm-lead:" + lead + ";crm-recovered");
		assertThat(amo.page()).contains("id=\"amocrm-sweep-last\"").contains("найдено пропущенных результатов: 2")
			.contains("Всего восстановлено сверкой: 2");
		assertThat(mvc.perform(get("/audit").with(user(amo.admin))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("восстановлено сверкой");

		// The next sweep reads from the watermark (less an overlap) and finds nothing new.
		CrmOutcomeSweeps.State state = sweeps.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow();
		assertThat(state.sweptTo()).isEqualTo(now);
		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now.plusSeconds(60))).isZero();
		assertThat(amo.fake.requests().getLast()).contains("filter%5Bupdated_at%5D%5Bfrom%5D="
				+ Math.max(connected, now.minus(Duration.ofMinutes(5)).getEpochSecond()));
	}

	@Test
	void anOutcomeThePushDeliveredIsCountedOnceWhenTheSweepSeesItAfterwardsOrWhileItIsQueued() throws Exception {
		Amo amo = amo();
		Signal first = fixtures.watchedWithSignal(amo.tenant).signal();
		long read = amo.deliver(first, "5703");
		Signal second = fixtures.watchedWithSignal(amo.tenant, "Орлова", "4511000002").signal();
		long queued = amo.deliver(second, "5704");

		// The first: pushed and read back before the sweep comes.
		amo.fake.completeTask(read, "Договор подписан").forEach(hook -> amo.postHook(hook));
		assertThat(amoReadBack(amo)).containsExactly("TASK " + read + " DEAL");
		// The second: pushed, still queued when the sweep sees it.
		amo.fake.completeTask(queued, "не интересно").forEach(hook -> amo.postHook(hook));

		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now())).as("nothing the push missed")
			.isZero();
		assertThat(amoReadBack(amo)).containsExactlyInAnyOrder("TASK " + read + " DEAL",
				"TASK " + queued + " NOT_INTERESTED");
		assertThat(audit(amo.tenant)).containsExactlyInAnyOrder("SIGNAL_CLOSED crm:amocrm DEAL;amocrm-task:" + read,
				"SIGNAL_CLOSED crm:amocrm NOT_INTERESTED;amocrm-task:" + queued);
		assertThat(amo.fake.requests()).filteredOn(("GET /api/v4/tasks/" + read)::equals).hasSize(1);
		assertThat(amo.fake.requests()).filteredOn(("GET /api/v4/tasks/" + queued)::equals).hasSize(1);
		assertThat(sweeps.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow().recovered()).isZero();
	}

	@Test
	void aBitrix24TaskCompletedAndADealWonWithNoEventAreRecoveredByTheNextSweep() throws Exception {
		Portal portal = portal();
		Signal taskSignal = fixtures.watchedWithSignal(portal.tenant).signal();
		long task = portal.deliver(taskSignal, "6701");
		mvc.perform(post("/crm/bitrix24/action").param("action", "DEAL").param("dealStage", "0:NEW")
			.with(user(portal.admin)).with(csrf()));
		Signal dealSignal = fixtures.watchedWithSignal(portal.tenant, "Орлова", "4511000002").signal();
		long deal = portal.deliver(dealSignal, "6702");
		// Someone else's task on the portal, completed too: listed, not Kredo's, ignored.
		portal.fake.completeTask(portal.fake.addOtherTask(6701, "Позвонить по поводу страховки"));

		assertThat(portal.fake.completeTask(task)).isNotEmpty();
		assertThat(portal.fake.moveDeal(deal, "WON")).isNotEmpty();

		assertThat(sweeps.sweep(Crm.BITRIX24, portal.tenant.tenant().id(), now())).isEqualTo(2);
		assertThat(portal.fake.requests()).contains("tasks.task.list", "crm.deal.list");
		assertThat(bitrixReadBack(portal)).containsExactlyInAnyOrder("TASK " + task + " REACHED", "DEAL " + deal + " DEAL");
		assertThat(signals.get(portal.tenant.tenant().id(), dealSignal.id()).outcome()).isEqualTo(Outcome.DEAL);
		assertThat(audit(portal.tenant)).containsExactlyInAnyOrder(
				"SIGNAL_CLOSED crm:bitrix24 REACHED;bitrix24-task:" + task + ";crm-recovered",
				"SIGNAL_CLOSED crm:bitrix24 DEAL;bitrix24-deal:" + deal + ";crm-recovered");
		assertThat(portal.page()).contains("id=\"bitrix24-sweep-last\"").contains("Всего восстановлено сверкой: 2");

		// Seen again by the next sweep (the overlap): counted once.
		assertThat(sweeps.sweep(Crm.BITRIX24, portal.tenant.tenant().id(), now().plusSeconds(60))).isZero();
		assertThat(audit(portal.tenant)).hasSize(2);
	}

	@Test
	void aRateLimitBacksTheTenantsSweepOffUntilTheWaitIsOver() throws Exception {
		Amo amo = amo();
		Signal signal = fixtures.watchedWithSignal(amo.tenant).signal();
		long task = amo.deliver(signal, "5705");
		amo.fake.completeTask(task, null);
		amo.fake.rateLimitNext(1);

		Instant now = now();
		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now)).isZero();
		CrmOutcomeSweeps.State limited = sweeps.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow();
		assertThat(limited.lastError()).contains("429");
		assertThat(limited.nextRunAt()).isEqualTo(now.plusSeconds(10));
		assertThat(amo.page()).contains("id=\"amocrm-sweep-error\"").contains("429");

		int asked = amo.fake.requests().size();
		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now.plusSeconds(5))).isZero();
		assertThat(amo.fake.requests()).as("amoCRM is not asked again before the wait is over").hasSize(asked);

		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now.plusSeconds(11))).isEqualTo(1);
		assertThat(sweeps.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow().lastError()).isNull();
		assertThat(amoReadBack(amo)).containsExactly("TASK " + task + " REACHED");

		// Bitrix24's full bucket (503 QUERY_LIMIT_EXCEEDED) backs off the same way.
		Portal portal = portal();
		portal.fake.limitNext(1);
		assertThat(sweeps.sweep(Crm.BITRIX24, portal.tenant.tenant().id(), now)).isZero();
		assertThat(sweeps.state(Crm.BITRIX24, portal.tenant.tenant().id()).orElseThrow().nextRunAt())
			.isEqualTo(now.plusSeconds(10));
	}

	@Test
	void aTenantWhoseCrmAnswers500DoesNotStopAnothersSweepAndItsPageSaysSo() throws Exception {
		Amo failing = amo();
		Amo working = amo();
		Signal signal = fixtures.watchedWithSignal(working.tenant).signal();
		long task = working.deliver(signal, "5706");
		working.fake.completeTask(task, "сделка");
		failing.fake.failNext(500, 1000);

		assertThat(sweeps.sweepAll(now())).isGreaterThanOrEqualTo(1);

		assertThat(amoReadBack(working)).containsExactly("TASK " + task + " DEAL");
		assertThat(failing.page()).contains("id=\"amocrm-sweep-error\"").contains("HTTP 500");
		CrmOutcomeSweeps.State failed = sweeps.state(Crm.AMOCRM, failing.tenant.tenant().id()).orElseThrow();
		assertThat(failed.failures()).isEqualTo(1);
		assertThat(failed.windowTo()).as("the window stays to be read again").isNotNull();
		assertThat(working.page()).contains("id=\"amocrm-sweep-last\"").doesNotContain("id=\"amocrm-sweep-error\"");
	}

	@Test
	void theWatermarkAndTheListReachedSurviveARestart() throws Exception {
		Amo amo = amo();
		Signal first = fixtures.watchedWithSignal(amo.tenant).signal();
		long task = amo.deliver(first, "5707");
		amo.fake.completeTask(task, null);
		// The tasks are read, then amoCRM fails on the leads: the run stops there.
		amo.fake.failNext("/api/v4/leads", 500, 1);
		Instant now = now();
		assertThat(sweeps.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now)).isEqualTo(1);
		CrmOutcomeSweeps.State stopped = sweeps.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow();
		assertThat(stopped.windowTo()).isEqualTo(now);
		assertThat(stopped.list()).isEqualTo("LEAD");
		int asked = amo.fake.requests().size();

		// Kredo restarts: a new context on the same database goes on with the leads of the same window.
		node = Nodes.start("--kredo.crm.sweep.overlap=1s");
		CrmOutcomeSweeps restarted = node.getBean(CrmOutcomeSweeps.class);
		Instant later = now.plus(Duration.ofMinutes(2));
		restarted.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), later);
		List<String> after = amo.fake.requests().subList(asked, amo.fake.requests().size()).stream()
			.filter(r -> r.startsWith("GET /api/v4/tasks?") || r.startsWith("GET /api/v4/leads?")).toList();
		assertThat(after).singleElement().satisfies(r -> assertThat(r).startsWith("GET /api/v4/leads?")
			.contains("filter%5Bupdated_at%5D%5Bto%5D=" + now.getEpochSecond()));
		CrmOutcomeSweeps.State resumed = restarted.state(Crm.AMOCRM, amo.tenant.tenant().id()).orElseThrow();
		assertThat(resumed.sweptTo()).isEqualTo(now);
		assertThat(resumed.windowTo()).isNull();

		assertThat(amoReadBack(amo)).containsExactly("TASK " + task + " REACHED");

		// And its next run starts at that watermark, less the node's overlap (a second) — but never before the
		// connection, which on a fast run is less than a second before the first sweep.
		Signal second = fixtures.watchedWithSignal(amo.tenant, "Орлова", "4511000002").signal();
		long another = amo.deliver(second, "5708");
		amo.fake.completeTask(another, null);
		assertThat(restarted.sweep(Crm.AMOCRM, amo.tenant.tenant().id(), now().plusSeconds(1))).isEqualTo(1);
		Instant connected = jdbc.sql("select connected_at from crm_amocrm_accounts where tenant_id = ?")
			.param(amo.tenant.tenant().id().value()).query(java.sql.Timestamp.class).single().toInstant();
		Instant from = now.minusSeconds(1).isBefore(connected) ? connected : now.minusSeconds(1);
		assertThat(amo.fake.requests()).anySatisfy(r -> assertThat(r).startsWith("GET /api/v4/tasks?")
			.contains("filter%5Bupdated_at%5D%5Bfrom%5D=" + from.getEpochSecond()));
		assertThat(amoReadBack(amo)).containsExactlyInAnyOrder("TASK " + task + " REACHED", "TASK " + another
				+ " REACHED");
	}

	// --- amoCRM

	private final class Amo {

		final FakeAmoCrm fake = FakeAmoCrm.start();
		final Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		final UserDetails admin = fixtures.admin(tenant);

		String subdomain() {
			return String.valueOf(URI.create(fake.baseUrl()).getPort());
		}

		void connect() throws Exception {
			mvc.perform(post("/crm/amocrm/keys").param("subdomain", subdomain()).param("clientId", FakeAmoCrm.CLIENT_ID)
				.param("clientSecret", FakeAmoCrm.CLIENT_SECRET).with(user(admin)).with(csrf()));
			MockHttpSession session = new MockHttpSession();
			MvcResult consent = mvc.perform(post("/crm/amocrm/connect").session(session).with(user(admin)).with(csrf()))
				.andReturn();
			Map<String, String> query = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl())
				.build().getQueryParams().toSingleValueMap();
			String code = fake.issueCode("http://localhost:8080/crm/amocrm/callback");
			mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", query.get("state"))
				.session(session).with(user(admin)));
		}

		long deliver(Signal signal, String amoContactId) {
			fake.addContact(Long.parseLong(amoContactId), 77, "Семёнова Анна");
			deliveries.enqueue(raised(tenant, signal, amoContactId), now());
			CrmDeliveries.Delivery done = await().atMost(Duration.ofSeconds(60)).until(() -> {
				amoDispatch.dispatchDue(now());
				return deliveries.latest(Crm.AMOCRM, tenant.tenant().id(), 10).stream()
					.filter(d -> d.signalId().equals(signal.id().value()) && d.signalCount() == 7).findFirst()
					.orElseThrow();
			}, delivery -> !delivery.status().equals("PENDING"));
			assertThat(done.status()).isEqualTo("DONE");
			return done.amoEntityId();
		}

		void postHook(FakeAmoCrm.Hook hook) {
			try {
				assertThat(mvc.perform(post(URI.create(hook.destination()).getPath())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(hook.body().getBytes(StandardCharsets.UTF_8)))
					.andReturn().getResponse().getStatus()).isEqualTo(200);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		String page() throws Exception {
			return mvc.perform(get("/crm/amocrm").with(user(admin))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
	}

	private Amo amo() throws Exception {
		Amo amo = new Amo();
		amos.add(amo.fake);
		tenants.add(amo.tenant.tenant().id().value());
		amo.connect();
		return amo;
	}

	/** Reads back what is due by a minute from now (the tests sweep at times of their own, up to that). */
	private List<String> amoReadBack(Amo amo) {
		for (int batches = 0; batches < 50 && amoOutcomes.readDue(now().plusSeconds(60)) > 0; batches++) {
			// each batch either finishes its rows or puts them off: this ends
		}
		return rows("crm_amocrm_outcomes", amo.tenant);
	}

	// --- Bitrix24

	private final class Portal {

		final FakeBitrix24 fake = FakeBitrix24.start();
		final Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		final UserDetails admin = fixtures.admin(tenant);

		void connect() throws Exception {
			mvc.perform(post("/crm/bitrix24/keys").param("portal", fake.portal()).param("clientId", FakeBitrix24.CLIENT_ID)
				.param("clientSecret", FakeBitrix24.CLIENT_SECRET).with(user(admin)).with(csrf()));
			MockHttpSession session = new MockHttpSession();
			MvcResult consent = mvc.perform(post("/crm/bitrix24/connect").session(session).with(user(admin))
				.with(csrf())).andReturn();
			Map<String, String> query = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl())
				.build().getQueryParams().toSingleValueMap();
			mvc.perform(get("/crm/bitrix24/callback").param("code", fake.issueCode())
				.param("state", query.get("state")).param("domain", fake.portal())
				.param("member_id", FakeBitrix24.MEMBER_ID).session(session).with(user(admin)));
		}

		long deliver(Signal signal, String contactId) {
			fake.addContact(Long.parseLong(contactId), 77, "Семёнова Анна");
			deliveries.enqueue(Crm.BITRIX24, raised(tenant, signal, contactId), now());
			CrmDeliveries.Delivery done = await().atMost(Duration.ofSeconds(60)).until(() -> {
				bitrixDispatch.dispatchDue(now());
				return deliveries.latest(Crm.BITRIX24, tenant.tenant().id(), 10).stream()
					.filter(d -> d.signalId().equals(signal.id().value()) && d.signalCount() == 7).findFirst()
					.orElseThrow();
			}, delivery -> !delivery.status().equals("PENDING"));
			assertThat(done.status()).isEqualTo("DONE");
			return done.amoEntityId();
		}

		String page() throws Exception {
			return mvc.perform(get("/crm/bitrix24").with(user(admin))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
	}

	private Portal portal() throws Exception {
		Portal portal = new Portal();
		portals.add(portal.fake);
		tenants.add(portal.tenant.tenant().id().value());
		portal.connect();
		return portal;
	}

	private List<String> bitrixReadBack(Portal portal) {
		for (int batches = 0; batches < 50 && bitrixOutcomes.readDue(now().plusSeconds(60)) > 0; batches++) {
			// each batch either finishes its rows or puts them off: this ends
		}
		return rows("crm_bitrix24_outcomes", portal.tenant);
	}

	// --- both

	/** Now as PostgreSQL keeps it (to the microsecond), so that what is stored compares equal. */
	private static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	/** A fold of its own (count 7): the listener may have queued the raised signal itself, with no contact to find. */
	private static SignalRaised raised(Provisioned tenant, Signal signal, String contactId) {
		return new SignalRaised(tenant.tenant().id(), signal.id().value(), signal.watchId().value(),
				signal.contactId().value(), "Семёнова Анна Петровна", Segment.DEBTOR, signal.eventType(), 1,
				"Взял кредит — позвоните сегодня", 7, now(), null, null, contactId);
	}

	/** The tenant's rows of the queue, «TYPE id result», none of them still due. */
	private List<String> rows(String table, Provisioned tenant) {
		return jdbc.sql("""
				select entity_type || ' ' || entity_id || ' ' || coalesce(result, 'null') || case when due_at is null
				    then '' else ' due' end from %s where tenant_id = ? order by updated_at""".formatted(table))
			.param(tenant.tenant().id().value()).query(String.class).list();
	}

	/** The tenant's closed signals in the audit log: «SIGNAL_CLOSED actor detail». */
	private List<String> audit(Provisioned tenant) {
		return jdbc.sql("""
				select action || ' ' || actor || ' ' || coalesce(detail, 'null') from audit_events
				where tenant_id = ? and action = 'SIGNAL_CLOSED' order by id""")
			.param(tenant.tenant().id().value()).query(String.class).list();
	}
}
