package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** A CRM reads the queue, records outcomes and adjusts the ranking over the API. */
@IntegrationTest
class SignalsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	Signals signals;

	Provisioned broker;
	String key;
	String passport;

	@BeforeEach
	void aPausedClient() {
		broker = fixtures.tenant(TenantKind.BROKER);
		key = "Bearer " + broker.apiKey().secret();
		passport = "48" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		watches.watch(broker.tenant().id(), new PersonDetails(new FullName("Носов", "Глеб", null), LocalDate.of(1975, 8, 8),
				PassportNumber.parse(passport), null, null, null, null),
				WatchTerms.of(Segment.PAUSED, new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER, null, null)));
	}

	@Test
	void theQueueAndAnOutcomeOverTheApi() throws Exception {
		report("1.1");

		String id = mvc.perform(get("/api/v1/signals").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].title").value("Первая заявка после паузы — предложите услуги"))
			.andExpect(jsonPath("$.items[0].priority").value(1))
			.andExpect(jsonPath("$.items[0].contactName").value("Носов Глеб"))
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

		mvc.perform(post("/api/v1/signals/{id}/outcome", id).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DEAL\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("by"));
		mvc.perform(post("/api/v1/signals/{id}/outcome", id).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"DEAL\",\"by\":\"" + broker.admin().id() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome").value("DEAL"))
			.andExpect(jsonPath("$.contactName").value("Носов Глеб"));
	}

	/** The signal's page assigns it to a manager; so does the API (issue 15), and to no one; never to a stranger. */
	@Test
	void aSignalIsAssignedAndLeftToNoOneByTheApi() throws Exception {
		report("1.1");
		String id = mvc.perform(get("/api/v1/signals").header("Authorization", key)).andReturn().getResponse()
			.getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		var manager = fixtures.manager(broker);

		mvc.perform(put("/api/v1/signals/{id}/assignee", id).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"" + manager.id().value() + "\"}"))
			.andExpect(status().isOk());
		assertThat(signals.get(broker.tenant().id(), new SignalId(UUID.fromString(id))).assigneeId())
			.isEqualTo(manager.id());
		mvc.perform(put("/api/v1/signals/{id}/assignee", id).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":\"" + fixtures.tenant(TenantKind.BROKER).admin().id().value() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("userId"));
		mvc.perform(put("/api/v1/signals/{id}/assignee", id).header("Authorization", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"userId\":null}"))
			.andExpect(status().isOk());
		assertThat(signals.get(broker.tenant().id(), new SignalId(UUID.fromString(id))).assigneeId()).isNull();
	}

	@Test
	void aTenantsOwnRankingDecidesTheNextSignalsPriority() throws Exception {
		mvc.perform(put("/api/v1/signals/priorities").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"segment\":\"PAUSED\",\"eventType\":\"LOAN_CLOSED\",\"priority\":1}"))
			.andExpect(status().isOk());

		report("2.5");

		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 5)).singleElement()
			.satisfies(line -> assertThat(line.signal().priority()).isEqualTo(1));
		assertThat(SignalRanking.defaultPriority(Segment.PAUSED, ru.kredo.events.CreditEventType.LOAN_CLOSED)).isEqualTo(4);
	}

	@Test
	void aCrmReadsTheRankingAndPutsACellBackToKredosDefault() throws Exception {
		mvc.perform(put("/api/v1/signals/priorities").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"segment\":\"PAUSED\",\"eventType\":\"LOAN_CLOSED\",\"priority\":1}"))
			.andExpect(status().isOk());

		mvc.perform(get("/api/v1/signals/priorities").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(Segment.values().length * ru.kredo.events.CreditEventType.values().length))
			.andExpect(jsonPath("$.items[?(@.segment == 'PAUSED' && @.eventType == 'LOAN_CLOSED')].value").value(1))
			.andExpect(jsonPath("$.items[?(@.segment == 'PAUSED' && @.eventType == 'LOAN_CLOSED')].defaultValue").value(4))
			.andExpect(jsonPath("$.items[?(@.segment == 'PAUSED' && @.eventType == 'LOAN_CLOSED')].overridden").value(true));

		mvc.perform(delete("/api/v1/signals/priorities/PAUSED/LOAN_CLOSED").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(4))
			.andExpect(jsonPath("$.overridden").value(false));
		// A segment Kredo does not have is no cell of the table.
		mvc.perform(delete("/api/v1/signals/priorities/NOT_A_SEGMENT/LOAN_CLOSED").header("Authorization", key))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		report("2.5");
		assertThat(signals.queue(broker.tenant().id(), SignalFilter.open(), 0, 5)).singleElement()
			.satisfies(line -> assertThat(line.signal().priority()).isEqualTo(4));
	}

	/** A CRM reading the queue is told outright which signal means «stop contacting», as a webhook tells it. */
	@Test
	void aBankruptcyIsMarkedStopContactAndAnApplicationIsNot() throws Exception {
		report("1.12");
		report("1.1");

		mvc.perform(get("/api/v1/signals").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.eventType == 'BANKRUPTCY')].stopContact").value(true))
			.andExpect(jsonPath("$.items[?(@.eventType == 'APPLICATION')].stopContact").value(false));
	}

	private void report(String type) {
		String event = """
				{"source":"api-test","eventId":"%s","type":"%s","occurredAt":"%s","subject":{"lastName":"Носов","firstName":"Глеб","birthDate":"08.08.1975","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), type, watches.today(), passport);
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}
}
