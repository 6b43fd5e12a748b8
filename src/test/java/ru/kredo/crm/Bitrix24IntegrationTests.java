package ru.kredo.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import ru.kredo.crm.internal.Bitrix24Dispatch;
import ru.kredo.crm.internal.Crm;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.signals.SignalRaised;
import ru.kredo.tenancy.TenantKind;

/**
 * The Bitrix24 connector end to end against {@link FakeBitrix24}: connecting through the portal's consent page and
 * the callback (state bound to the session, the code exchanged at the authorisation server, tokens sealed), a signal
 * becoming a task, a timeline comment or a deal, the contact found by external id or phone or recorded as not found,
 * {@code expired_token}, {@code QUERY_LIMIT_EXCEEDED}, no duplicate after a lost answer, and who may see the page.
 */
@IntegrationTest
class Bitrix24IntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmDeliveries deliveries;

	@Autowired
	Bitrix24Dispatch dispatch;

	@Autowired
	AmoCrmDispatch amoCrmDispatch;

	@Autowired
	JdbcClient jdbc;

	FakeBitrix24 bitrix;
	Provisioned broker;
	UserDetails admin;
	Contact contact;

	@BeforeEach
	void setUp() {
		bitrix = FakeBitrix24.start();
		broker = fixtures.tenant(TenantKind.BROKER);
		admin = fixtures.admin(broker);
		contact = fixtures.contact(broker);
	}

	@AfterEach
	void stop() {
		bitrix.stop();
	}

	private void saveKeys() throws Exception {
		mvc.perform(post("/crm/bitrix24/keys").param("portal", "https://" + bitrix.portal() + "/")
			.param("clientId", FakeBitrix24.CLIENT_ID).param("clientSecret", FakeBitrix24.CLIENT_SECRET)
			.with(user(admin)).with(csrf()));
	}

	/** «Подключить», then the portal's redirect back: the state the consent URL carried. */
	private String consent(MockHttpSession session) throws Exception {
		MvcResult consent = mvc.perform(post("/crm/bitrix24/connect").session(session).with(user(admin)).with(csrf()))
			.andReturn();
		String location = consent.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("http://" + bitrix.portal() + "/oauth/authorize/");
		Map<String, String> query = UriComponentsBuilder.fromUriString(location).build().getQueryParams()
			.toSingleValueMap();
		assertThat(query).containsEntry("client_id", FakeBitrix24.CLIENT_ID);
		return query.get("state");
	}

	private MvcResult callback(MockHttpSession session, String code, String state) throws Exception {
		return mvc.perform(get("/crm/bitrix24/callback").param("code", code).param("state", state)
			.param("domain", bitrix.portal()).param("member_id", "a223c6b3710f85df22e9377d6c4f7553")
			.param("scope", "crm,task").param("server_domain", "oauth.bitrix.info").session(session).with(user(admin)))
			.andReturn();
	}

	private void connect() throws Exception {
		saveKeys();
		MockHttpSession session = new MockHttpSession();
		callback(session, bitrix.issueCode(), consent(session));
		assertThat(connected()).isTrue();
	}

	private void choose(String action, String categoryId, String stageId) throws Exception {
		mvc.perform(post("/crm/bitrix24/action").param("action", action).param("categoryId", categoryId)
			.param("stageId", stageId).with(user(admin)).with(csrf()));
	}

	private SignalRaised signal(String externalId) {
		return new SignalRaised(broker.tenant().id(), UUID.randomUUID(), UUID.randomUUID(), contact.id().value(),
				"Семёнова Анна Петровна", Segment.PROSPECT, CreditEventType.APPLICATION, 1,
				"Подала заявку на кредит — позвоните сегодня", 1, Instant.now(), null, null, externalId);
	}

	private CrmDeliveries.Delivery amoCrmRow() {
		return deliveries.latest(Crm.AMOCRM, broker.tenant().id(), 10).getFirst();
	}

	private CrmDeliveries.Delivery only() {
		return deliveries.latest(Crm.BITRIX24, broker.tenant().id(), 10).getFirst();
	}

	private String page(UserDetails who) throws Exception {
		return mvc.perform(get("/crm/bitrix24").with(user(who))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void connectsThroughThePortalsConsentPageWithTheSessionsStateAndSealsTheTokens() throws Exception {
		saveKeys();
		MockHttpSession session = new MockHttpSession();
		String state = consent(session);
		String code = bitrix.issueCode();

		// A forged link (another state, or this state in another session) is refused and spends nothing.
		MvcResult forged = mvc.perform(get("/crm/bitrix24/callback").param("code", code).param("state", "forged")
			.param("domain", bitrix.portal()).session(new MockHttpSession()).with(user(admin))).andReturn();
		assertThat(forged.getFlashMap().get("problem")).extracting("code").isEqualTo("crm.bitrix24.state-invalid");
		assertThat(connected()).isFalse();

		callback(session, code, state);

		assertThat(connected()).isTrue();
		// The code exchanged, then the outcomes' events bound (docs/crm-bitrix24.md, «Outcomes from Bitrix24»).
		assertThat(bitrix.requests()).containsExactly("oauth/token", "event.bind", "event.bind");
		byte[] sealed = jdbc.sql("select access_token_sealed from crm_bitrix24_accounts where tenant_id = ?")
			.param(broker.tenant().id().value()).query(byte[].class).single();
		assertThat(sealed).isNotEmpty();
		String page = page(admin);
		assertThat(page).contains("bitrix24-connected").contains("http://localhost:8080/crm/bitrix24/callback")
			.doesNotContain(FakeBitrix24.CLIENT_SECRET);

		// The same state again (a replayed callback) is refused: it was spent.
		assertThat(callback(session, code, state).getFlashMap().get("problem")).extracting("code")
			.isEqualTo("crm.bitrix24.state-invalid");

		mvc.perform(post("/crm/bitrix24/disconnect").with(user(admin)).with(csrf()));
		assertThat(connected()).isFalse();

		// Every change of the connection is in the audit log, as amoCRM's are; the secret never.
		assertThat(jdbc.sql("""
				select action || ' ' || coalesce(detail, 'null') from audit_events
				where tenant_id = ? and action like 'BITRIX24%' order by id""")
			.param(broker.tenant().id().value()).query(String.class).list()).containsExactly(
					"BITRIX24_KEYS_SAVED bitrix24-portal:" + bitrix.portal() + ";bitrix24-secret-changed",
					"BITRIX24_CONNECTED bitrix24-portal:" + bitrix.portal() + ";bitrix24-events:subscribed",
					"BITRIX24_DISCONNECTED null");
		assertThat(mvc.perform(get("/audit").with(user(admin))).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("Сохранены ключи приложения Битрикс24", "Битрикс24 подключён", "Битрикс24 отключён")
			.doesNotContain(FakeBitrix24.CLIENT_SECRET);
	}

	@Test
	void tokensForAnotherPortalAreRefused() throws Exception {
		saveKeys();
		bitrix.answerForAnotherPortal("https://evil.bitrix24.ru/rest/");
		MockHttpSession session = new MockHttpSession();

		MvcResult refused = callback(session, bitrix.issueCode(), consent(session));

		assertThat(refused.getFlashMap().get("problem")).extracting("code").isEqualTo("crm.bitrix24.portal-mismatch");
		assertThat(connected()).isFalse();
	}

	@Test
	void onlyABrokersAdminHasTheBitrix24PageAndSeesOnlyItsOwnPortal() throws Exception {
		connect();
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(get("/crm/bitrix24").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/crm/bitrix24").with(user(fixtures.signedIn(fixtures.manager(broker).email().value())))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);

		Provisioned another = fixtures.tenant(TenantKind.BROKER);
		UserDetails anotherAdmin = fixtures.admin(another);
		assertThat(page(anotherAdmin)).doesNotContain(bitrix.portal()).doesNotContain("bitrix24-connected");
		// Its «Отключить» leaves this broker's portal connected.
		mvc.perform(post("/crm/bitrix24/disconnect").with(user(anotherAdmin)).with(csrf()));
		assertThat(connected()).isTrue();
	}

	@Test
	void aSignalBecomesATaskForTheResponsibleUserOfTheContactWithTheExternalIdOnce() throws Exception {
		connect();
		bitrix.addContact(5501, 77, "Семёнова Анна");
		SignalRaised signal = signal("5501");

		deliveries.enqueue(Crm.BITRIX24, signal, Instant.now());
		deliveries.enqueue(Crm.BITRIX24, signal, Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(bitrix.tasks()).singleElement().satisfies(task -> {
			assertThat(task.path("responsibleId").asString()).isEqualTo("77");
			assertThat(task.path("ufCrmTask").path(0).asString()).isEqualTo("C_5501");
			assertThat(task.path("title").asString()).startsWith("Kredo: Подала заявку");
			assertThat(task.path("description").asString()).contains(signal.signalId().toString());
		});
		assertThat(only().status()).isEqualTo("DONE");
		assertThat(deliveries.latest(Crm.BITRIX24, broker.tenant().id(), 10)).hasSize(1);
		// amoCRM's log and queue are apart.
		assertThat(deliveries.latest(Crm.AMOCRM, broker.tenant().id(), 10)).isEmpty();
		assertThat(page(admin)).contains("delivery-DONE");
	}

	@Test
	void eachDispatcherTakesOnlyItsOwnCrmsRowsOfTheSharedQueue() throws Exception {
		connect();
		bitrix.addContact(5506, 82, "Семёнова Анна");
		SignalRaised signal = signal("5506");
		deliveries.enqueue(Crm.BITRIX24, signal, Instant.now());
		// The same fold for amoCRM is a row of its own, not a repeat of the Bitrix24 one.
		deliveries.enqueue(Crm.AMOCRM, signal, Instant.now());

		// The queue is shared by every test of the run: work it until this tenant's amoCRM row has been tried (other
		// tests' rows due before it come first, a batch at a time), never counting on being alone in it.
		for (int batch = 0; batch < 100 && amoCrmRow().attempts() == 0; batch++) {
			if (amoCrmDispatch.dispatchDue(Instant.now().plusSeconds(1)) == 0) {
				break;
			}
		}
		assertThat(amoCrmRow().lastError()).contains("amoCRM is not connected");
		assertThat(only().status()).as("amoCRM's dispatcher left the Bitrix24 row alone").isEqualTo("PENDING");
		assertThat(only().attempts()).isZero();

		for (int batch = 0; batch < 100 && !only().status().equals("DONE"); batch++) {
			if (dispatch.dispatchDue(Instant.now().plusSeconds(1)) == 0) {
				break;
			}
		}
		assertThat(only().status()).isEqualTo("DONE");
		assertThat(bitrix.tasks()).hasSize(1);
	}

	@Test
	void findsTheContactByPhoneAndCommentsInItsTimeline() throws Exception {
		connect();
		choose("COMMENT", "", "");
		bitrix.addContact(7001, 5, "Однофамилец", "+7 916 555-12-35");
		bitrix.addContact(7999, 12, "Семёнова Анна", "8 (916) 555-12-34");

		deliveries.enqueue(Crm.BITRIX24, signal(null), Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(bitrix.comments()).singleElement().satisfies(comment -> {
			assertThat(comment.path("ENTITY_ID").asString()).isEqualTo("7999");
			assertThat(comment.path("COMMENT").asString()).startsWith("Подала заявку");
		});
		assertThat(bitrix.requests()).contains("crm.duplicate.findbycomm");
	}

	@Test
	void aContactBitrix24DoesNotHaveIsRecordedAsNotFound() throws Exception {
		connect();
		deliveries.enqueue(Crm.BITRIX24, signal("404404"), Instant.now());

		dispatch.dispatchDue(Instant.now());

		assertThat(only().status()).isEqualTo("NOT_FOUND");
		assertThat(bitrix.tasks()).isEmpty();
		assertThat(page(admin)).contains("Контакт не найден в Битрикс24");
	}

	@Test
	void anExpiredTokenIsRenewedOnceAndTheDealGoesToTheChosenPipelineAndStage() throws Exception {
		connect();
		choose("DEAL", "3", "c3:preparation");
		bitrix.addContact(5502, 78, "Семёнова Анна");
		bitrix.expireAccessTokens();

		deliveries.enqueue(Crm.BITRIX24, signal("5502"), Instant.now());
		dispatch.dispatchDue(Instant.now());

		assertThat(bitrix.refreshes()).isEqualTo(1);
		assertThat(bitrix.deals()).singleElement().satisfies(deal -> {
			assertThat(deal.path("CATEGORY_ID").asLong()).isEqualTo(3);
			assertThat(deal.path("STAGE_ID").asString()).isEqualTo("C3:PREPARATION");
			assertThat(deal.path("CONTACT_IDS").path(0).asLong()).isEqualTo(5502);
			assertThat(deal.path("ASSIGNED_BY_ID").asLong()).isEqualTo(78);
		});
		assertThat(only().status()).isEqualTo("DONE");
	}

	@Test
	void queryLimitExceededPutsTheDeliveryBackWithABackOffAndItGoesLater() throws Exception {
		connect();
		bitrix.addContact(5503, 79, "Семёнова Анна");
		bitrix.limitNext(1);
		Instant now = Instant.now();
		deliveries.enqueue(Crm.BITRIX24, signal("5503"), now);

		dispatch.dispatchDue(now);

		CrmDeliveries.Delivery waiting = only();
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.lastStatus()).isEqualTo(503);
		assertThat(waiting.lastError()).contains("QUERY_LIMIT_EXCEEDED");
		assertThat(waiting.nextAttemptAt()).isAfter(now);
		assertThat(dispatch.dispatchDue(now)).isZero();

		dispatch.dispatchDue(waiting.nextAttemptAt());

		assertThat(only().status()).isEqualTo("DONE");
		assertThat(bitrix.tasks()).hasSize(1);
	}

	@Test
	void aDeliveryWhoseAnswerWasLostDoesNotCreateASecondTaskEvenPagesDown() throws Exception {
		connect();
		bitrix.addContact(5504, 80, "Семёнова Анна");
		deliveries.enqueue(Crm.BITRIX24, signal("5504"), Instant.now());
		dispatch.dispatchDue(Instant.now());
		// Others' tasks on the contact since: Kredo's is on the second page of the list now.
		for (int i = 0; i < 60; i++) {
			bitrix.addOtherTask(5504, "Перезвонить " + i);
		}
		// As if Kredo stopped after Bitrix24 created the task and before it recorded it: the row is pending again.
		jdbc.sql("update crm_amocrm_deliveries set status = 'PENDING', next_attempt_at = now() where tenant_id = ?")
			.param(broker.tenant().id().value()).update();

		dispatch.dispatchDue(Instant.now().plusSeconds(1));

		assertThat(bitrix.tasks()).hasSize(1);
		assertThat(only().status()).isEqualTo("DONE");
		assertThat(only().amoEntityId()).isEqualTo(bitrix.tasks().getFirst().path("id").asLong());
		assertThat(bitrix.requests()).filteredOn("tasks.task.list"::equals).hasSize(2);
	}

	@Test
	void aDealsStageMustBeOfTheChosenPipeline() throws Exception {
		connect();
		for (String[] wrong : new String[][] { { "3", "C5:NEW" }, { "3", "NEW" }, { "0", "C3:NEW" }, { "0", "new stage" } }) {
			MvcResult refused = mvc.perform(post("/crm/bitrix24/action").param("action", "DEAL")
				.param("categoryId", wrong[0]).param("stageId", wrong[1]).with(user(admin)).with(csrf())).andReturn();
			assertThat(refused.getResponse().getStatus()).as(String.join(" ", wrong)).isEqualTo(422);
			assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("stageId-error")
				.contains("value=\"" + wrong[1] + "\"");
		}
		choose("DEAL", "5", "C5:NEW");
		assertThat(jdbc.sql("select stage_id from crm_bitrix24_accounts where tenant_id = ?")
			.param(broker.tenant().id().value()).query(String.class).single()).isEqualTo("C5:NEW");
	}

	@Test
	void aDealWhoseAnswerWasLostIsFoundByItsOrigin() throws Exception {
		connect();
		choose("DEAL", "0", "NEW");
		bitrix.addContact(5505, 81, "Семёнова Анна");
		deliveries.enqueue(Crm.BITRIX24, signal("5505"), Instant.now());
		dispatch.dispatchDue(Instant.now());
		jdbc.sql("update crm_amocrm_deliveries set status = 'PENDING', next_attempt_at = now() where tenant_id = ?")
			.param(broker.tenant().id().value()).update();

		dispatch.dispatchDue(Instant.now().plusSeconds(1));

		assertThat(bitrix.deals()).singleElement()
			.satisfies(deal -> assertThat(deal.path("ORIGINATOR_ID").asString()).isEqualTo("kredo"));
		assertThat(only().amoEntityId()).isEqualTo(bitrix.deals().getFirst().path("ID").asLong());
	}

	private MvcResult pick(String dealStage) throws Exception {
		return mvc.perform(post("/crm/bitrix24/action").param("action", "DEAL").param("categoryId", "")
			.param("stageId", "").param("dealStage", dealStage).with(user(admin)).with(csrf())).andReturn();
	}

	private String savedPair() {
		return jdbc.sql("select coalesce(category_id::text, '-') || '/' || coalesce(stage_id, '-') from crm_bitrix24_accounts where tenant_id = ?")
			.param(broker.tenant().id().value()).query(String.class).single();
	}

	@Test
	void onceConnectedThePageOffersThePortalsPipelinesAndTheirStagesInOneSelect() throws Exception {
		connect();
		bitrix.addPipeline(3, "Просрочка", "NEW:Новая просрочка", "CALL:Звонок должнику", "PAID:Оплачено:S");

		String page = page(admin);

		assertThat(page).contains("id=\"dealStage\"").doesNotContain("id=\"pipelines-unreadable\"")
			.contains("label=\"Общая\"").contains("label=\"Просрочка\"")
			.contains("value=\"0:NEW\"").contains("value=\"0:PREPARATION\"").contains("Подготовка документов")
			.contains("value=\"3:C3:CALL\"").contains("Звонок должнику")
			.doesNotContain("value=\"0:WON\"").doesNotContain("value=\"3:C3:PAID\"");
		assertThat(bitrix.requests()).contains("crm.category.list").filteredOn("crm.status.list"::equals).hasSize(2);

		MvcResult saved = pick("3:C3:CALL");
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(savedPair()).isEqualTo("3/C3:CALL");
		assertThat(page(admin)).containsPattern("value=\"3:C3:CALL\"\\s+selected");
	}

	@Test
	void aPickedPairThatIsNotAmongThePortalsIsRefused() throws Exception {
		connect();
		bitrix.addPipeline(3, "Просрочка", "NEW:Новая просрочка");
		for (String stale : new String[] { "5:C5:NEW", "3:C3:CALL", "0:WON", "0:C3:NEW", "воронка" }) {
			MvcResult refused = pick(stale);
			assertThat(refused.getResponse().getStatus()).as(stale).isEqualTo(422);
			assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(stale)
				.contains("dealStage-error").contains("Такой стадии нет среди воронок вашего Битрикс24");
		}
		assertThat(savedPair()).isEqualTo("-/-");
	}

	@Test
	void whenThePipelinesCannotBeReadThePageSaysSoAndTypedIdsAreTakenAsBefore() throws Exception {
		connect();
		bitrix.breakPipelines();

		String page = page(admin);

		assertThat(page).contains("id=\"pipelines-unreadable\"").doesNotContain("id=\"dealStage\"")
			.contains("id=\"categoryId\"").contains("id=\"stageId\"");
		choose("DEAL", "7", "C7:NEW");
		assertThat(savedPair()).isEqualTo("7/C7:NEW");
		// A pair picked on a page loaded before the portal stopped answering is taken as it is, as a typed one.
		assertThat(pick("0:PREPARATION").getResponse().getStatus()).isEqualTo(302);
		assertThat(savedPair()).isEqualTo("0/PREPARATION");
	}

	private boolean connected() {
		return jdbc.sql("select count(*) from crm_bitrix24_accounts where tenant_id = ? and refresh_token_sealed is not null")
			.param(broker.tenant().id().value()).query(Long.class).single() == 1;
	}
}
