package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.audit.AuditQuery;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class MonitoringIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	ConsentLapses lapses;

	@Autowired
	AuditLog audit;

	@Test
	void aManagerPutsAPersonOnMonitoringFromTheForm() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(broker).email().value());

		String location = mvc.perform(post("/monitoring").with(user(manager)).with(csrf())
			.param("lastName", "Кузнецова").param("firstName", "Мария").param("middleName", "Игоревна")
			.param("birthDate", "03.07.1988").param("passport", "45 11 223344").param("phone", "8 (903) 111-22-33")
			.param("segment", "IN_PROGRESS").param("months", "6").param("eventTypes", "APPLICATION", "LOAN_DISBURSED")
			.param("consentDate", LocalDate.now().toString()).param("consentPurpose", "Подбор кредита").param("consentMethod", "PAPER"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		String page = mvc.perform(get(location).with(user(manager))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Кузнецова Мария Игоревна", "В работе (договор)", "На мониторинге", "+7 *** ***-22-33");
	}

	@Test
	void everyWrongFieldIsExplainedAtOnceAndNothingIsSaved() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		String page = mvc.perform(post("/monitoring").with(user(fixtures.admin(broker))).with(csrf())
			.param("lastName", "Кузнецова").param("firstName", "Мария").param("birthDate", "31.02.1990")
			.param("passport", "45AB123456").param("phone", "916123456").param("segment", "PROSPECT").param("months", "6")
			.param("consentDate", "01.11.2026").param("consentPurpose", " "))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Такой даты нет в календаре",
				"Паспорт: серия из 4 цифр и номер из 6 цифр", "Телефон не распознан", "Укажите цель, для которой дано согласие.",
				"value=\"Кузнецова\"");
		assertThat(watches.search(broker.tenant().id(), WatchFilter.all(), 0, 10)).isEmpty();
	}

	@Test
	void theApiListsEveryWrongFieldWithItsCode() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(post("/api/v1/watches").header("Authorization", "Bearer " + broker.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"lastName":"Кузнецова","firstName":"Мария","birthDate":"1988-13-01","inn":"123","segment":"VIP"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.invalid-fields"))
			.andExpect(jsonPath("$.errors[?(@.field == 'birthDate')].code").value("date-not-in-calendar"))
			.andExpect(jsonPath("$.errors[?(@.field == 'inn')].code").value("contact.inn-invalid"))
			.andExpect(jsonPath("$.errors[?(@.field == 'segment')].code").value("segment-unknown"));
	}

	@Test
	void theApiPutsAPersonOnMonitoringAndReAddingUpdatesTheSameWatch() throws Exception {
		Provisioned collector = fixtures.tenant(TenantKind.COLLECTOR);
		String body = """
				{"lastName":"Зайцев","firstName":"Олег","birthDate":"12.12.1979","passport":"4601 556677","segment":"DEBTOR",
				 "consentDate":"%s","consentPurpose":"Взыскание задолженности","consentMethod":"OTHER","months":"%s"}""";

		String first = mvc.perform(post("/api/v1/watches").header("Authorization", "Bearer " + collector.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(LocalDate.now(), 6)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/v1/watches").header("Authorization", "Bearer " + collector.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(LocalDate.now(), 12)))
			.andExpect(status().isCreated());

		assertThat(watches.search(collector.tenant().id(), WatchFilter.all(), 0, 10)).singleElement()
			.satisfies(line -> assertThat(first).contains(line.watch().id().toString()))
			.satisfies(line -> assertThat(line.watch().endsOn()).isEqualTo(line.watch().startsOn().plusMonths(12)));
	}

	@Test
	void monitoringStopsByItselfWhenTheConsentLapsesAfterAWarning() {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		LocalDate today = watches.today();
		LocalDate consentDay = today.minusMonths(6).plusDays(10);
		Watch watch = watches.watch(broker.tenant().id(), person(),
				WatchTerms.of(Segment.PAUSED, new Consent(consentDay, "Подбор кредита", ConsentMethod.PAPER, null, null)));
		assertThat(watch.status()).isEqualTo(WatchStatus.ACTIVE);

		lapses.apply(today);
		lapses.apply(today);

		assertThat(watches.countLapsingSoon(broker.tenant().id())).isEqualTo(1);
		assertThat(watches.get(broker.tenant().id(), watch.id()).status()).isEqualTo(WatchStatus.ACTIVE);

		lapses.apply(consentDay.plusMonths(6));

		Watch stopped = watches.get(broker.tenant().id(), watch.id());
		assertThat(stopped.status()).isEqualTo(WatchStatus.STOPPED);
		assertThat(stopped.stopReason()).isEqualTo(StopReason.CONSENT_EXPIRED);
	}

	@Test
	void viewingAWatchsCardIsAuditedOncePerUserAndWatchInTheWindow() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		var manager = fixtures.signedIn(fixtures.manager(broker).email().value());
		Watch watch = watches.watch(broker.tenant().id(), person(),
				WatchTerms.of(Segment.PROSPECT, new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER, null, null)));

		mvc.perform(get("/monitoring/{id}", watch.id().value()).with(user(manager))).andExpect(status().isOk());
		mvc.perform(get("/monitoring/{id}", watch.id().value()).with(user(manager))).andExpect(status().isOk());
		mvc.perform(get("/monitoring/{id}", watch.id().value()).with(user(fixtures.admin(broker)))).andExpect(status().isOk());

		assertThat(audit.search(broker.tenant().id(), new AuditQuery(null, AuditAction.PERSONAL_DATA_VIEWED, null, null,
				watch.contactId().toString()), 0, 10))
			.as("one entry per user and watch in the window: the manager's two views are one, the admin's another")
			.hasSize(2)
			.allSatisfy(e -> assertThat(e.detail()).isEqualTo("watch:" + watch.id()))
			.extracting(e -> e.actor().name())
			.containsExactlyInAnyOrder(((SignedInUser) manager).displayName(), ((SignedInUser) fixtures.admin(broker)).displayName());
	}

	private static PersonDetails person() {
		return new PersonDetails(new FullName(ru.kredo.Fixtures.uniqueSurname("Лапин"),
				"Пётр", null), LocalDate.of(1970, 1, 1), null, null, null, null, null);
	}
}
