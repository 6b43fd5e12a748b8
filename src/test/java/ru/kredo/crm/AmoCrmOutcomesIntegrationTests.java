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
import java.util.UUID;
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

import tools.jackson.databind.node.ObjectNode;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.crm.internal.AmoCrmDispatch;
import ru.kredo.crm.internal.AmoCrmOutcomes;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.Outcome;
import ru.kredo.signals.Signal;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalStatus;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * Issue 15, amoCRM beyond signals, against {@link FakeAmoCrm}: connecting subscribes the outcomes webhook (and
 * disconnecting unsubscribes it); a manager completing Kredo's task or winning/losing Kredo's lead in amoCRM closes the
 * signal as a manager in Kredo would (audited as amoCRM, {@code signal.outcome_recorded} sent); the webhook's address
 * is no way in (a wrong token, an entity Kredo did not create, another tenant's, an oversized body); the lead's
 * pipeline is picked from the account's, a typed id still works when they cannot be read; every setting audited.
 */
@IntegrationTest
class AmoCrmOutcomesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmDeliveries deliveries;

	@Autowired
	AmoCrmDispatch dispatch;

	@Autowired
	AmoCrmOutcomes outcomes;

	@Autowired
	Signals signals;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	JdbcClient jdbc;

	FakeAmoCrm amo;
	Provisioned broker;
	UserDetails admin;

	@BeforeEach
	void setUp() {
		amo = FakeAmoCrm.start();
		broker = fixtures.tenant(TenantKind.BROKER);
		admin = fixtures.admin(broker);
	}

	@AfterEach
	void stop() {
		amo.stop();
	}

	@Test
	void connectingSubscribesTheOutcomesWebhookDisconnectingUnsubscribesItAndEverySettingIsAudited() throws Exception {
		MvcResult connected = connect(admin);

		assertThat(connected.getFlashMap().get("notice")).isEqualTo("crm.amocrm.connected");
		ObjectNode hook = amo.webhooks().getFirst();
		assertThat(amo.webhooks()).hasSize(1);
		// From kredo.base-url, not from the host the admin's request named (below, another one).
		assertThat(hook.path("destination").asString()).matches("http://localhost:8080/crm/amocrm/hooks/[A-Za-z0-9_-]{43}");
		assertThat(hook.path("settings").toString()).contains("update_task").contains("status_lead");
		String page = page();
		assertThat(page).contains("id=\"amocrm-hook\"");
		assertThat(postHook(hook.path("destination").asString(), "task%5Bupdate%5D%5B0%5D%5Bid%5D=1").getStatus())
			.isEqualTo(200);
		mvc.perform(post("/crm/amocrm/action").param("action", "NOTE").with(user(admin)).with(csrf()));

		mvc.perform(post("/crm/amocrm/disconnect").with(user(admin)).with(csrf()));

		assertThat(amo.webhooks()).isEmpty();
		assertThat(postHook(hook.path("destination").asString(), "task%5Bupdate%5D%5B0%5D%5Bid%5D=1").getStatus())
			.as("a disconnected account's address finds nobody").isEqualTo(404);
		assertThat(audit()).containsExactly(
				"AMOCRM_KEYS_SAVED user amocrm-subdomain:" + subdomain() + ";amocrm-secret-changed",
				"AMOCRM_CONNECTED user amocrm-subdomain:" + subdomain() + ";amocrm-hook:subscribed",
				"AMOCRM_ACTION_CHOSEN user amocrm-action:NOTE", "AMOCRM_DISCONNECTED user null");
		assertThat(mvc.perform(get("/audit").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("Сохранены ключи интеграции amoCRM").contains("amoCRM подключён")
			.contains("вебхук результатов подписан").contains("примечание к контакту");
	}

	@Test
	void aUserWhoIsNotTheAccountsAdministratorConnectsWithoutOutcomesAndThePageSaysWhy() throws Exception {
		amo.notAdministrator();

		MvcResult connected = connect(admin);

		assertThat(connected.getFlashMap().get("notice")).isEqualTo("crm.amocrm.connected-without-hook");
		assertThat(amo.webhooks()).isEmpty();
		assertThat(page()).contains("id=\"amocrm-connected\"").contains("id=\"amocrm-no-hook\"").contains("403");
		assertThat(audit().getLast()).endsWith("amocrm-hook:refused");
	}

	@Test
	void aCompletedTaskClosesItsSignalWithTheOutcomeItsResultSaysAuditedAsAmoCrmAndSentToTheCrm() throws Exception {
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		endpoints.add(broker.tenant().id(), "http://127.0.0.1:9/crm", "CRM");
		connect(admin);
		long task = deliver(signal, "5601");

		List<FakeAmoCrm.Hook> hooks = amo.completeTask(task, "Договор подписан, кредит выдан");
		assertThat(hooks).hasSize(1);
		for (FakeAmoCrm.Hook hook : hooks) {
			assertThat(postHook(hook.destination(), hook.body()).getStatus()).isEqualTo(200);
		}
		assertThat(signals.get(broker.tenant().id(), signal.id()).status()).as("read back later, not in the request")
			.isEqualTo(SignalStatus.OPEN);
		assertThat(readBack()).containsExactly("TASK " + task + " DEAL");

		Signal closed = signals.get(broker.tenant().id(), signal.id());
		assertThat(closed.status()).isEqualTo(SignalStatus.CLOSED);
		assertThat(closed.outcome()).isEqualTo(Outcome.DEAL);
		assertThat(amo.requests()).contains("GET /api/v4/tasks/" + task);
		assertThat(audit()).contains("SIGNAL_CLOSED crm:amocrm DEAL;amocrm-task:" + task);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select payload from webhook_deliveries where tenant_id = ? and event_type = 'signal.outcome_recorded'""")
			.param(broker.tenant().id().value()).query(String.class).list())
			.singleElement().asString().contains(signal.id().value().toString()).contains("\"DEAL\""));

		// The same post again (amoCRM retries) reads nothing more: the signal has its outcome.
		postHook(hooks.getFirst().destination(), hooks.getFirst().body());
		assertThat(readBack()).containsExactly("TASK " + task + " DEAL");
		assertThat(amo.requests()).filteredOn(("GET /api/v4/tasks/" + task)::equals).hasSize(1);
		assertThat(audit()).filteredOn(line -> line.startsWith("SIGNAL_CLOSED")).hasSize(1);
	}

	@Test
	void aLeadWonOrLostClosesItsSignalAnotherStatusDoesNot() throws Exception {
		amo.addPipeline(3301, "Кредиты", 501, "Первичный контакт");
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		connect(admin);
		mvc.perform(post("/crm/amocrm/action").param("action", "LEAD").param("pipelineStatus", "3301:501")
			.with(user(admin)).with(csrf()));
		long lead = deliver(signal, "5602");
		assertThat(amo.leads()).singleElement().satisfies(l -> assertThat(l.path("status_id").asLong()).isEqualTo(501));

		amo.moveLead(lead, 501).forEach(hook -> postHook(hook.destination(), hook.body()));
		assertThat(readBack()).containsExactly("LEAD " + lead + " null");
		assertThat(signals.get(broker.tenant().id(), signal.id()).status()).isEqualTo(SignalStatus.OPEN);

		amo.moveLead(lead, 143).forEach(hook -> postHook(hook.destination(), hook.body()));
		assertThat(readBack()).containsExactly("LEAD " + lead + " NOT_INTERESTED");

		Signal closed = signals.get(broker.tenant().id(), signal.id());
		assertThat(closed.outcome()).isEqualTo(Outcome.NOT_INTERESTED);
		assertThat(audit()).contains("SIGNAL_CLOSED crm:amocrm NOT_INTERESTED;amocrm-lead:" + lead);
	}

	@Test
	void theWebhooksAddressIsNoWayIn() throws Exception {
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		Signal othersSignal = fixtures.watchedWithSignal(other).signal();
		connect(fixtures.admin(other));
		long othersTask = deliver(other, othersSignal, "5603");
		connect(admin);
		String ours = amo.webhooks().stream().map(h -> h.path("destination").asString())
			.filter(d -> !d.equals(amo.webhooks().getFirst().path("destination").asString())).findFirst().orElseThrow();
		int requests = amo.requests().size();

		// Unknown tokens, and a path that is not one.
		assertThat(postHook("http://localhost/crm/amocrm/hooks/" + "A".repeat(43), "task%5Bupdate%5D%5B0%5D%5Bid%5D=1")
			.getStatus()).isEqualTo(404);
		assertThat(postHook("http://localhost/crm/amocrm/hooks/short", "").getStatus()).isEqualTo(404);
		// A task Kredo did not create, and another tenant's task, through our address: taken and ignored.
		assertThat(postHook(ours, "task%5Bupdate%5D%5B0%5D%5Bid%5D=777&task%5Bupdate%5D%5B1%5D%5Bid%5D=" + othersTask)
			.getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from crm_amocrm_outcomes where tenant_id in (?, ?)")
			.params(broker.tenant().id().value(), other.tenant().id().value()).query(Long.class).single()).isZero();
		readBack();
		assertThat(amo.requests()).hasSize(requests);
		assertThat(signals.get(other.tenant().id(), othersSignal.id()).status()).isEqualTo(SignalStatus.OPEN);
		// Not a form at all, and a body far larger than amoCRM ever posts.
		assertThat(mvc.perform(post(URI.create(ours).getPath()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"task\":{\"update\":[{\"id\":" + othersTask + "}]}}")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(postHook(ours, "x=" + "a".repeat(70_000)).getStatus()).isEqualTo(413);
		assertThat(jdbc.sql("select count(*) from crm_amocrm_outcomes where tenant_id = ?")
			.param(other.tenant().id().value()).query(Long.class).single()).isZero();

		// The queue is shared with Bitrix24, whose tasks are TASK rows too: our Bitrix24 task numbered as an amoCRM
		// task is not amoCRM's, and amoCRM's post about that number reads nothing back.
		jdbc.sql("""
				insert into crm_amocrm_deliveries (id, tenant_id, crm, signal_id, signal_count, contact_id, title, priority,
				    status, action, amo_entity_id, created_at)
				values (?, ?, 'BITRIX24', ?, 1, ?, 'Bitrix24', 1, 'DONE', 'TASK', 779, now())""")
			.params(UUID.randomUUID(), broker.tenant().id().value(), UUID.randomUUID(), UUID.randomUUID())
			.update();
		assertThat(postHook(ours, "task%5Bupdate%5D%5B0%5D%5Bid%5D=779").getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from crm_amocrm_outcomes where tenant_id = ?")
			.param(broker.tenant().id().value()).query(Long.class).single()).as("a Bitrix24 task is no amoCRM task")
			.isZero();
	}

	@Test
	void theLeadsPipelineIsPickedFromTheAccountAndATypedIdStillWorksWhenTheyCannotBeRead() throws Exception {
		amo.addPipeline(3301, "Кредиты", 501, "Первичный контакт", 502, "Переговоры");
		amo.addPipeline(3302, "Рефинансирование", 601, "Заявка");
		connect(admin);

		String page = page();
		assertThat(page).contains("Кредиты").contains("Рефинансирование").contains("value=\"3301:502\"")
			.contains("Переговоры").doesNotContain("Неразобранное").doesNotContain("value=\"3301:142\"");

		mvc.perform(post("/crm/amocrm/action").param("action", "LEAD").param("pipelineStatus", "3302:601")
			.with(user(admin)).with(csrf()));
		assertThat(chosen()).isEqualTo("LEAD 3302 601");
		assertThat(page()).containsPattern("value=\"3302:601\"\\s+selected");

		MockHttpServletResponse unknown = mvc.perform(post("/crm/amocrm/action").param("action", "LEAD")
			.param("pipelineStatus", "3301:601").with(user(admin)).with(csrf())).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(unknown.getContentAsString()).contains("pipelineStatus-error").contains("Такого этапа нет");
		assertThat(chosen()).isEqualTo("LEAD 3302 601");

		// The list is kept a few minutes: the views and picks above read it once, and a new pipeline shows only after
		// «Обновить список».
		assertThat(pipelineReads()).isEqualTo(1);
		amo.addPipeline(3303, "Ипотека", 701, "Заявка на ипотеку");
		assertThat(page()).doesNotContain("Ипотека");
		assertThat(pipelineReads()).isEqualTo(1);
		mvc.perform(post("/crm/amocrm/pipelines").with(user(admin)).with(csrf()));
		assertThat(page()).contains("Ипотека").contains("value=\"3303:701\"");
		assertThat(pipelineReads()).isEqualTo(2);

		amo.rateLimitNext(1);
		mvc.perform(post("/crm/amocrm/pipelines").with(user(admin)).with(csrf()));
		assertThat(page()).contains("id=\"pipelines-unreadable\"").contains("id=\"pipelineId\"");
		amo.rateLimitNext(1);
		mvc.perform(post("/crm/amocrm/action").param("action", "LEAD").param("pipelineId", "4401").param("statusId", "77")
			.with(user(admin)).with(csrf()));
		assertThat(chosen()).isEqualTo("LEAD 4401 77");
		assertThat(audit()).contains("AMOCRM_ACTION_CHOSEN user amocrm-action:LEAD;amocrm-pipeline:3302;amocrm-status:601",
				"AMOCRM_ACTION_CHOSEN user amocrm-action:LEAD;amocrm-pipeline:4401;amocrm-status:77");
	}

	// ---

	private String subdomain() {
		return String.valueOf(URI.create(amo.baseUrl()).getPort());
	}

	private MvcResult connect(UserDetails who) throws Exception {
		mvc.perform(post("/crm/amocrm/keys").param("subdomain", subdomain()).param("clientId", FakeAmoCrm.CLIENT_ID)
			.param("clientSecret", FakeAmoCrm.CLIENT_SECRET).with(user(who)).with(csrf()));
		MockHttpSession session = new MockHttpSession();
		MvcResult consent = mvc.perform(post("/crm/amocrm/connect").session(session).with(user(who)).with(csrf()))
			.andReturn();
		Map<String, String> query = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl())
			.build().getQueryParams().toSingleValueMap();
		String code = amo.issueCode("http://localhost:8080/crm/amocrm/callback");
		return mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", query.get("state"))
			.session(session).with(user(who)).with(request -> {
				request.setServerName("kredo.internal"); // as X-Forwarded-Host from a trusted proxy would set it
				return request;
			})).andReturn();
	}

	/** Carries the signal into amoCRM (as the contact of this amoCRM id); the id of what was created. */
	private long deliver(Signal signal, String amoContactId) {
		return deliver(broker, signal, amoContactId);
	}

	private long deliver(Provisioned tenant, Signal signal, String amoContactId) {
		amo.addContact(Long.parseLong(amoContactId), 77, "Семёнова Анна");
		// A fold of its own (count 7): the listener may have queued the raised signal itself, with no contact to find.
		deliveries.enqueue(new SignalRaised(tenant.tenant().id(), signal.id().value(), signal.watchId().value(),
				signal.contactId().value(), "Семёнова Анна Петровна", Segment.DEBTOR, signal.eventType(), 1,
				"Взял кредит — позвоните сегодня", 7, Instant.now(), null, null, amoContactId), Instant.now());
		// The queue is shared with every test's tenants (their stand-ins long gone): work it until ours is taken.
		CrmDeliveries.Delivery done = await().atMost(Duration.ofSeconds(60)).until(() -> {
			dispatch.dispatchDue(Instant.now());
			return deliveries.latest(tenant.tenant().id(), 10).stream().filter(d -> d.signalCount() == 7).findFirst()
				.orElseThrow();
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
				    then '' else ' due' end from crm_amocrm_outcomes where tenant_id = ? order by updated_at""")
			.param(broker.tenant().id().value()).query(String.class).list();
	}

	private MockHttpServletResponse postHook(String destination, String body) {
		try {
			return mvc.perform(post(URI.create(destination).getPath())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body.getBytes(StandardCharsets.UTF_8)))
				.andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String page() throws Exception {
		return mvc.perform(get("/crm/amocrm").with(user(admin))).andReturn().getResponse().getContentAsString();
	}

	private long pipelineReads() {
		return amo.requests().stream().filter(r -> r.startsWith("GET /api/v4/leads/pipelines")).count();
	}

	private String chosen() {
		return jdbc.sql("select action || ' ' || pipeline_id || ' ' || status_id from crm_amocrm_accounts where tenant_id = ?")
			.param(broker.tenant().id().value()).query(String.class).single();
	}

	/** The tenant's amoCRM and outcome audit entries, oldest first: «ACTION actor detail» (a user's as {@code user}). */
	private List<String> audit() {
		return jdbc.sql("""
				select action || ' ' || case when actor like 'user:%' then 'user' else actor end || ' ' || coalesce(detail, 'null')
				from audit_events where tenant_id = ? and (action like 'AMOCRM%' or action = 'SIGNAL_CLOSED') order by id""")
			.param(broker.tenant().id().value()).query(String.class).list();
	}
}
