package ru.kredo.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contact;
import ru.kredo.crm.internal.AmoCrmDispatch;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.SignalRaised;
import ru.kredo.tenancy.TenantKind;

/**
 * The amoCRM connector end to end against {@link FakeAmoCrm}: connecting through the consent page and the callback
 * (state bound to the session), tokens sealed, a signal becoming a task, note or lead, the contact found by external
 * id or phone (paged search) or recorded as not found, token expiry, a 429, and no duplicate after a lost answer.
 */
@IntegrationTest
class AmoCrmIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmDeliveries deliveries;

	@Autowired
	AmoCrmDispatch dispatch;

	@Autowired
	JdbcClient jdbc;

	FakeAmoCrm amo;
	Provisioned broker;
	UserDetails admin;
	Contact contact;

	@BeforeEach
	void setUp() throws Exception {
		amo = FakeAmoCrm.start();
		broker = fixtures.tenant(TenantKind.BROKER);
		admin = fixtures.admin(broker);
		contact = fixtures.contact(broker);
	}

	@AfterEach
	void stop() {
		amo.stop();
	}

	private String subdomain() {
		return String.valueOf(URI.create(amo.baseUrl()).getPort());
	}

	private void connect() throws Exception {
		mvc.perform(post("/crm/amocrm/keys").param("subdomain", subdomain()).param("clientId", FakeAmoCrm.CLIENT_ID)
			.param("clientSecret", FakeAmoCrm.CLIENT_SECRET).with(user(admin)).with(csrf()));
		MockHttpSession session = new MockHttpSession();
		MvcResult consent = mvc.perform(post("/crm/amocrm/connect").session(session).with(user(admin)).with(csrf()))
			.andReturn();
		Map<String, String> query = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl())
			.build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("client_id", FakeAmoCrm.CLIENT_ID);
		String code = amo.issueCode("http://localhost:8080/crm/amocrm/callback");
		mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", query.get("state"))
			.param("referer", subdomain() + ".amocrm.ru").session(session).with(user(admin)));
	}

	private SignalRaised signal(String externalId) {
		return new SignalRaised(broker.tenant().id(), UUID.randomUUID(), UUID.randomUUID(), contact.id().value(),
				"Семёнова Анна Петровна", Segment.PROSPECT, CreditEventType.APPLICATION, 1,
				"Подала заявку на кредит — позвоните сегодня", 1, Instant.now(), null, null, externalId);
	}

	private CrmDeliveries.Delivery only() {
		return deliveries.latest(broker.tenant().id(), 10).getFirst();
	}

	@Test
	void connectsThroughTheConsentPageWithTheSessionsStateAndSealsTheTokens() throws Exception {
		mvc.perform(post("/crm/amocrm/keys").param("subdomain", subdomain()).param("clientId", FakeAmoCrm.CLIENT_ID)
			.param("clientSecret", FakeAmoCrm.CLIENT_SECRET).with(user(admin)).with(csrf()));
		MockHttpSession session = new MockHttpSession();
		MvcResult consent = mvc.perform(post("/crm/amocrm/connect").session(session).with(user(admin)).with(csrf()))
			.andReturn();
		String state = UriComponentsBuilder.fromUriString(consent.getResponse().getRedirectedUrl()).build()
			.getQueryParams().getFirst("state");
		String code = amo.issueCode("http://localhost:8080/crm/amocrm/callback");

		// A forged link (another state, or this state in another session) is refused and spends nothing.
		MvcResult forged = mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", "forged")
			.session(new MockHttpSession()).with(user(admin))).andReturn();
		assertThat(forged.getFlashMap().get("problem")).extracting("code").isEqualTo("crm.amocrm.state-invalid");
		assertThat(connected()).isFalse();

		mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", state).session(session)
			.with(user(admin)));

		assertThat(connected()).isTrue();
		byte[] sealed = jdbc.sql("select access_token_sealed from crm_amocrm_accounts where tenant_id = ?")
			.param(broker.tenant().id().value()).query(byte[].class).single();
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("eyJ0");
		String page = mvc.perform(get("/crm/amocrm").with(user(admin))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("amocrm-connected").contains("http://localhost:8080/crm/amocrm/callback");

		// The same state again (a replayed callback) is refused: it was spent.
		MvcResult replay = mvc.perform(get("/crm/amocrm/callback").param("code", code).param("state", state)
			.session(session).with(user(admin))).andReturn();
		assertThat(replay.getFlashMap().get("problem")).extracting("code").isEqualTo("crm.amocrm.state-invalid");

		mvc.perform(post("/crm/amocrm/disconnect").with(user(admin)).with(csrf()));
		assertThat(connected()).isFalse();
	}

	@Test
	void aCollectionAgencyHasNoAmoCrmPage() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(get("/crm/amocrm").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aSignalBecomesATaskForTheResponsibleUserOfTheContactWithTheExternalIdOnce() throws Exception {
		connect();
		amo.addContact(5501, 77, "Семёнова Анна");
		SignalRaised signal = signal("5501");

		deliveries.enqueue(signal, Instant.now());
		deliveries.enqueue(signal, Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(amo.tasks()).singleElement().satisfies(task -> {
			assertThat(task.path("entity_id").asLong()).isEqualTo(5501);
			assertThat(task.path("entity_type").asString()).isEqualTo("contacts");
			assertThat(task.path("responsible_user_id").asLong()).isEqualTo(77);
			assertThat(task.path("text").asString()).startsWith("Подала заявку").contains(signal.signalId().toString());
		});
		assertThat(only().status()).isEqualTo("DONE");
		assertThat(deliveries.latest(broker.tenant().id(), 10)).hasSize(1);
		assertThat(mvc.perform(get("/crm/amocrm").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("delivery-DONE");
	}

	@Test
	void findsTheContactByPhoneThroughThePagesOfTheSearchAndAddsANote() throws Exception {
		connect();
		mvc.perform(post("/crm/amocrm/action").param("action", "NOTE").with(user(admin)).with(csrf()));
		for (int i = 0; i < 60; i++) {
			// The search matches these too (their numbers contain the digits), but they are other numbers.
			amo.addContact(7000 + i, 1, "Однофамилец " + i, "+7 916 555-12-34" + i);
		}
		amo.addContact(7999, 12, "Семёнова Анна", "8 (916) 555-12-34");

		deliveries.enqueue(signal(null), Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(amo.notes()).singleElement().satisfies(note -> assertThat(note.path("entity_id").asLong()).isEqualTo(7999));
		assertThat(amo.requests()).anyMatch(r -> r.contains("page=2"));
	}

	@Test
	void aContactAmoCrmDoesNotHaveIsRecordedAsNotFound() throws Exception {
		connect();
		deliveries.enqueue(signal("404404"), Instant.now());

		dispatch.dispatchDue(Instant.now());

		assertThat(only().status()).isEqualTo("NOT_FOUND");
		assertThat(amo.tasks()).isEmpty();
		assertThat(mvc.perform(get("/crm/amocrm").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("Контакт не найден в amoCRM");
	}

	@Test
	void anExpiredTokenIsRefreshedOnceAndTheLeadGoesToTheChosenPipeline() throws Exception {
		connect();
		mvc.perform(post("/crm/amocrm/action").param("action", "LEAD").param("pipelineId", "3301")
			.param("statusId", "142").with(user(admin)).with(csrf()));
		amo.addContact(5502, 78, "Семёнова Анна");
		amo.expireAccessTokens();

		deliveries.enqueue(signal("5502"), Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(amo.refreshes()).isEqualTo(1);
		assertThat(amo.leads()).singleElement().satisfies(lead -> {
			assertThat(lead.path("pipeline_id").asLong()).isEqualTo(3301);
			assertThat(lead.path("status_id").asLong()).isEqualTo(142);
			assertThat(lead.path("_embedded").path("contacts").path(0).path("id").asLong()).isEqualTo(5502);
		});
	}

	@Test
	void a429PutsTheDeliveryBackWithABackOffAndItGoesLater() throws Exception {
		connect();
		amo.addContact(5503, 79, "Семёнова Анна");
		amo.rateLimitNext(1);
		Instant now = Instant.now();
		deliveries.enqueue(signal("5503"), now);

		dispatch.dispatchDue(now);

		CrmDeliveries.Delivery waiting = only();
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.lastStatus()).isEqualTo(429);
		assertThat(waiting.nextAttemptAt()).isAfter(now);
		assertThat(dispatch.dispatchDue(now)).isZero();

		dispatch.dispatchDue(waiting.nextAttemptAt());

		assertThat(only().status()).isEqualTo("DONE");
		assertThat(amo.tasks()).hasSize(1);
	}

	@Test
	void aDeliveryWhoseAnswerWasLostDoesNotCreateASecondTask() throws Exception {
		connect();
		amo.addContact(5504, 80, "Семёнова Анна");
		deliveries.enqueue(signal("5504"), Instant.now());
		dispatch.dispatchDue(Instant.now());
		// As if Kredo stopped after amoCRM created the task and before it recorded it: the row is pending again.
		jdbc.sql("update crm_amocrm_deliveries set status = 'PENDING', next_attempt_at = now() where tenant_id = ?")
			.param(broker.tenant().id().value()).update();

		dispatch.dispatchDue(Instant.now().plusSeconds(1));

		assertThat(amo.tasks()).hasSize(1);
		assertThat(only().status()).isEqualTo("DONE");
		assertThat(only().amoEntityId()).isEqualTo(amo.tasks().getFirst().path("id").asLong());
	}

	private boolean connected() {
		return jdbc.sql("select count(*) from crm_amocrm_accounts where tenant_id = ? and refresh_token_sealed is not null")
			.param(broker.tenant().id().value()).query(Long.class).single() == 1;
	}
}
