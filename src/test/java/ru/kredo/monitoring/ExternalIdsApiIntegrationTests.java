package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.StatementCounter;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.internal.ImportRecords;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tabular.RowError;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 15's external ids through the API: given on a watch, returned by every read, found by, never another
 * tenant's, refused when too long or another person's; and the signals list with each signal's person in one call.
 */
@IntegrationTest
class ExternalIdsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	ImportRecords imports;

	@Test
	void aWatchsExternalIdIsKeptReturnedAndFoundButNeverInAnotherTenant() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Provisioned stranger = fixtures.tenant(TenantKind.BROKER);

		MockHttpServletResponse created = api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Осипова", "Вера", "1984-06-01", " amo-77/3 ")));
		assertThat(created.getStatus()).isEqualTo(201);
		JsonNode watch = read(created);
		assertThat(watch.get("externalId").asString()).isEqualTo("amo-77/3");
		String contactId = watch.get("contactId").asString();

		assertThat(read(api(broker, get("/api/v1/watches/" + watch.get("id").asString()))).get("externalId").asString())
			.isEqualTo("amo-77/3");
		JsonNode byFilter = read(api(broker, get("/api/v1/watches").param("externalId", "amo-77/3"))).get("items");
		assertThat(byFilter).hasSize(1);
		assertThat(byFilter.get(0).get("id").asString()).isEqualTo(watch.get("id").asString());
		assertThat(byFilter.get(0).get("externalId").asString()).isEqualTo("amo-77/3");
		JsonNode contact = read(api(broker, get("/api/v1/contacts/" + contactId)));
		assertThat(contact.get("externalId").asString()).isEqualTo("amo-77/3");
		JsonNode lines = read(api(broker, get("/api/v1/contacts").param("externalId", "amo-77/3"))).get("items");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).get("id").asString()).isEqualTo(contactId);
		assertThat(lines.get(0).get("externalId").asString()).isEqualTo("amo-77/3");
		assertThat(read(api(broker, get("/api/v1/contacts/by-external-id/amo-12"))).has("id")).isFalse();
		api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Осипов", "Яков", "1983-06-01", "amo-12")));
		assertThat(read(api(broker, get("/api/v1/contacts/by-external-id/amo-12"))).get("lastName").asString())
			.isEqualTo("Осипов");

		MockHttpServletResponse foreign = api(stranger, get("/api/v1/contacts/by-external-id/amo-12"));
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(read(foreign).get("code").asString()).isEqualTo("contact.not-found");
		assertThat(read(api(stranger, get("/api/v1/watches").param("externalId", "amo-77/3"))).get("items")).isEmpty();
		assertThat(read(api(stranger, get("/api/v1/contacts").param("externalId", "amo-77/3"))).get("items")).isEmpty();
	}

	@Test
	void theWatchFormTakesTheExternalIdAndTheContactsCardShowsIt() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		org.springframework.security.core.userdetails.UserDetails manager = fixtures.signedIn(
				fixtures.manager(broker).email().value());

		String location = mvc.perform(post("/monitoring").with(user(manager)).with(csrf())
			.param("lastName", "Карпова").param("firstName", "Ада").param("birthDate", "03.07.1988")
			.param("segment", "PROSPECT").param("months", "6").param("externalId", " B24-900 "))
			.andReturn().getResponse().getRedirectedUrl();
		Watch watch = watches.get(broker.tenant().id(), new WatchId(UUID.fromString(location.replace("/monitoring/", ""))));

		assertThat(mvc.perform(get("/contacts/{id}", watch.contactId().value()).with(user(manager))).andReturn()
			.getResponse().getContentAsString()).contains("Внешний ID (из вашей CRM)", ">B24-900<");
		String refused = mvc.perform(post("/monitoring").with(user(manager)).with(csrf())
			.param("lastName", "Карпов").param("firstName", "Лев").param("birthDate", "04.07.1988")
			.param("segment", "PROSPECT").param("months", "6").param("externalId", "B24-900"))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Этот внешний ID уже у другого контакта");
	}

	@Test
	void anExternalIdTooLongOrAnotherPersonsIsRefusedWithAStableCodeInBothLanguages() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String tooLong = "7".repeat(101);

		MockHttpServletResponse ru = api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Лосев", "Иван", "1980-01-01", tooLong)));
		assertThat(ru.getStatus()).isEqualTo(400);
		assertThat(ru.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode error = read(ru).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("externalId");
		assertThat(error.get("code").asString()).isEqualTo("contact.external-id-too-long");
		assertThat(error.get("message").asString()).contains("Внешний ID — не длиннее 100 символов");
		MockHttpServletResponse en = api(broker, post("/api/v1/watches").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content(person("Лосев", "Иван", "1980-01-01", tooLong)));
		assertThat(read(en).get("errors").get(0).get("message").asString())
			.contains("external ID may be at most 100 characters");
		assertThat(api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Лосев", "Иван", "1980-01-01", "7".repeat(100)))).getStatus()).isEqualTo(201);

		// One id, one person: another person with it is refused; the same person may be given a new one.
		api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Гусева", "Нина", "1990-02-02", "B-1")));
		MockHttpServletResponse taken = api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Гусев", "Олег", "1991-03-03", "B-1")));
		assertThat(taken.getStatus()).isEqualTo(400);
		assertThat(read(taken).get("errors").get(0).get("code").asString()).isEqualTo("contact.external-id-taken");
		assertThat(read(api(broker, get("/api/v1/contacts").param("q", "Гусев Олег"))).get("items")).isEmpty();
		JsonNode again = read(api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Гусева", "Нина", "1990-02-02", "B-2"))));
		assertThat(again.get("externalId").asString()).isEqualTo("B-2");
		assertThat(api(broker, get("/api/v1/contacts/by-external-id/B-1")).getStatus()).isEqualTo(404);
	}

	@Autowired
	ru.kredo.contacts.Contacts contacts;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** Two people given one id at the same moment: the second is refused with the stable code, not a 500. */
	@Test
	void anIdGivenToAnotherPersonByAConcurrentTransactionIsRefusedAsTaken() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		ru.kredo.tenancy.TenantId tenant = broker.tenant().id();
		java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch secondLooked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CompletableFuture<Void> first = java.util.concurrent.CompletableFuture.runAsync(() ->
			transaction.executeWithoutResult(status -> {
				contacts.addOrFind(tenant, List.of(somebody("Первый", "RACE-1")));
				firstWrote.countDown();
				await().atMost(Duration.ofSeconds(10)).until(() -> secondLooked.getCount() == 0);
				// Until the second has looked its id up (unseen) and waits on the unique index for this transaction:
				// its insert then waits on this transaction's id, a lock not granted.
				await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql(
						"select exists (select 1 from pg_locks where locktype = 'transactionid' and not granted)")
					.query(Boolean.class).single());
			}));
		firstWrote.await();

		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> transaction.executeWithoutResult(status -> {
			// The first has not committed: the lookup cannot see its id; the insert waits for it, then collides.
			secondLooked.countDown();
			contacts.addOrFind(tenant, List.of(somebody("Второй", "RACE-1")));
		}));
		first.get();

		assertThat(refused).isInstanceOf(ru.kredo.platform.InvalidFields.class);
		assertThat(((ru.kredo.platform.InvalidFields) refused).errors().get("externalId").code())
			.isEqualTo("contact.external-id-taken");
		assertThat(contacts.byExternalId(tenant, "RACE-1").name().firstName()).isEqualTo("Первый");
	}

	private static ru.kredo.contacts.PersonDetails somebody(String firstName, String externalId) {
		return new ru.kredo.contacts.PersonDetails(new ru.kredo.contacts.FullName("Гонкин", firstName, null),
				java.time.LocalDate.of(1980, 5, 5), null, null, null, null, null, List.of(), List.of(), externalId);
	}

	@Test
	void anUploadRefusesTheRowWhoseIdAnotherPersonHasAndKeepsTheRest() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON)
			.content(person("Зимина", "Алла", "1970-07-07", "5")));
		String export = """
				Внешний ID;Фамилия;Имя;Дата рождения
				5;Зимина;Алла;07.07.1970
				5;Зимин;Борис;08.08.1971
				6;Летов;Игорь;09.09.1972
				6;Летова;Ия;10.10.1973
				%s;Весна;Ева;11.11.1974
				""".formatted("x".repeat(101));
		MockHttpServletResponse accepted = api(broker, post("/api/v1/lists/imports").contentType("text/csv")
			.content(export.getBytes(StandardCharsets.UTF_8)).param("name", "Дубли ID"));
		JsonNode done = finished(broker, accepted.getHeader("Location"));

		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(done.get("rejected").asLong()).isEqualTo(3);
		assertThat(imports.errors(broker.tenant().id(), UUID.fromString(done.get("id").asString()), 0, 10))
			.extracting(RowError::line, RowError::column, RowError::code)
			.containsExactly(org.assertj.core.api.Assertions.tuple(3L, "Внешний ID", "contact.external-id-taken"),
					org.assertj.core.api.Assertions.tuple(5L, "Внешний ID", "contact.external-id-taken"),
					org.assertj.core.api.Assertions.tuple(6L, "Внешний ID", "contact.external-id-too-long"));
		assertThat(read(api(broker, get("/api/v1/contacts/by-external-id/6"))).get("lastName").asString())
			.isEqualTo("Летов");
	}

	@Test
	void theSignalsListEmbedsEachPersonInOneCallAndPagesByCursor() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		for (int i = 0; i < 3; i++) {
			watchAndReport(broker, i);
		}
		StatementCounter.Counted<JsonNode> three = StatementCounter.count(() -> read(api(broker, get("/api/v1/signals"))));
		for (int i = 3; i < 6; i++) {
			watchAndReport(broker, i);
		}
		StatementCounter.Counted<JsonNode> six = StatementCounter.count(() -> read(api(broker, get("/api/v1/signals"))));

		assertThat(three.result().get("items")).hasSize(3);
		assertThat(six.result().get("items")).hasSize(6);
		assertThat(six.result().get("total").asLong()).isEqualTo(6);
		assertThat(six.result().get("nextCursor").isNull()).isTrue();
		assertThat(six.statements()).as("no statement per signal: " + six.sql()).isEqualTo(three.statements());
		JsonNode person = six.result().get("items").get(0).get("person");
		assertThat(person.get("externalId").asString()).startsWith("crm-");
		assertThat(person.get("name").asString()).startsWith("Ельцова");
		assertThat(person.get("contactId").asString()).isEqualTo(six.result().get("items").get(0).get("contactId").asString());
		assertThat(person.get("watchId").asString()).isEqualTo(six.result().get("items").get(0).get("watchId").asString());
		assertThat(person.get("segment").asString()).isEqualTo("PROSPECT");

		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		String cursor = null;
		do {
			MockHttpServletRequestBuilder request = get("/api/v1/signals").param("limit", "4");
			JsonNode page = read(api(broker, cursor == null ? request : request.param("cursor", cursor)));
			assertThat(page.get("total").asLong()).isEqualTo(6);
			page.get("items").forEach(item -> {
				assertThat(seen.add(item.get("id").asString())).as("no signal twice").isTrue();
				order.add(item.get("id").asString());
			});
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(order).containsExactlyElementsOf(
				six.result().get("items").valueStream().map(item -> item.get("id").asString()).toList());
		// The old offset still works.
		assertThat(read(api(broker, get("/api/v1/signals").param("offset", "5"))).get("items")).hasSize(1);
		MockHttpServletResponse invalid = api(broker, get("/api/v1/signals").param("cursor", "bm90IGEgY3Vyc29y"));
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(read(invalid).get("code").asString()).isEqualTo("request.cursor-invalid");
	}

	private void watchAndReport(Provisioned broker, int i) throws Exception {
		String passport = "46" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		String body = """
				{"lastName":"Ельцова","firstName":"Мария","birthDate":"1985-01-%02d","passport":"%s","externalId":"crm-%d",\
				"segment":"PROSPECT","consentDate":"%s","consentPurpose":"Подбор кредита"}"""
			.formatted(i + 1, passport, i, watches.today());
		assertThat(api(broker, post("/api/v1/watches").contentType(MediaType.APPLICATION_JSON).content(body)).getStatus())
			.isEqualTo(201);
		String event = """
				{"source":"extid-api","eventId":"%s","type":"1.1","occurredAt":"%s","subject":{"lastName":"Ельцова","firstName":"Мария","birthDate":"%02d.01.1985","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), i + 1, passport);
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}

	private static String person(String lastName, String firstName, String birthDate, String externalId) {
		return """
				{"lastName":"%s","firstName":"%s","birthDate":"%s","segment":"PROSPECT","externalId":"%s"}"""
			.formatted(lastName, firstName, birthDate, externalId);
	}

	private JsonNode finished(Provisioned tenant, String location) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> read(api(tenant, get(location))), status -> !"RUNNING".equals(status.get("state").asString()));
	}

	private MockHttpServletResponse api(Provisioned tenant, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + tenant.apiKey().secret())).andReturn()
			.getResponse();
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}
}
