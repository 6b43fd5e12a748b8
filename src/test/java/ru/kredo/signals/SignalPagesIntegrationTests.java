package ru.kredo.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** What the manager sees and does: the queue, a signal with its timeline, an outcome, and the conversion it makes. */
@IntegrationTest
class SignalPagesIntegrationTests {

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

	@Autowired
	Conversion conversion;

	Provisioned broker;
	String passport;

	@BeforeEach
	void aClientUnderContractGetsHisLoan() {
		broker = fixtures.tenant(TenantKind.BROKER);
		passport = "46" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
		watches.watch(broker.tenant().id(), new PersonDetails(new FullName("Фёдоров", "Антон", "Сергеевич"),
				LocalDate.of(1981, 6, 9), PassportNumber.parse(passport), null, null, PhoneNumber.parse("+79031234567"), null),
				WatchTerms.of(Segment.IN_PROGRESS, new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER, null, null)));
		String event = """
				{"source":"okb","eventId":"%s","type":"2.2","occurredAt":"%s","amount":500000,"lender":{"kind":"BANK"},
				 "subject":{"lastName":"Федоров","firstName":"Антон","middleName":"Сергеевич","birthDate":"09.06.1981","passport":"%s"}}"""
			.formatted(UUID.randomUUID(), watches.today(), passport).replace("\n", "");
		ingestion.ingest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theQueueShowsTheSignalWorded() throws Exception {
		String rows = mvc.perform(get("/signals/rows").with(user(fixtures.admin(broker))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(rows).contains("Кредит выдан — выставьте счёт на комиссию", "Фёдоров Антон Сергеевич", "Комиссия")
			.doesNotContain("<html");
	}

	@Test
	void theSignalOpensOntoTheTimelineAndTheCommissionDue() throws Exception {
		Signal signal = only(broker.tenant().id());

		String page = mvc.perform(get("/signals/{id}", signal.id().value()).with(user(fixtures.admin(broker))).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Loan disbursed — invoice your commission", "The client received a loan of 500\u00a0000\u00a0₽",
				"RUTDF 2.2", "+7 903 123-45-67");
	}

	@Test
	void anOutcomeClosesTheSignalAndCountsInTheConversion() throws Exception {
		Signal signal = only(broker.tenant().id());

		mvc.perform(post("/signals/{id}/outcome", signal.id().value()).param("outcome", "DEAL")
			.with(user(fixtures.admin(broker))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(signals.get(broker.tenant().id(), signal.id()).outcome()).isEqualTo(Outcome.DEAL);
		String conversion = mvc.perform(get("/conversion").with(user(fixtures.admin(broker))))
			.andReturn().getResponse().getContentAsString();
		assertThat(conversion).contains("Поштучный мониторинг", "1000,0");
		assertThat(this.conversion.byList(broker.tenant().id())).singleElement().satisfies(row -> {
			assertThat(row.individual()).isTrue();
			assertThat(List.of(row.watched(), row.signals(), row.worked(), row.reached(), row.deals()))
				.containsExactly(1L, 1L, 1L, 1L, 1L);
		});
		assertThat(this.conversion.bySegment(broker.tenant().id())).singleElement()
			.satisfies(row -> assertThat(row.key()).isEqualTo("IN_PROGRESS"));
	}

	@Test
	void onlyThePlatformsKeysPushEvents() throws Exception {
		mvc.perform(post("/api/v1/events").header("Authorization", "Bearer " + broker.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("event.feed-not-allowed"));
	}

	private Signal only(TenantId tenant) {
		return signals.queue(tenant, SignalFilter.open(), 0, 2).getFirst().signal();
	}
}
