package ru.kredo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.events.CreditEventType;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** Sending the monitoring form again for a person already watched says what it changed, and never loses a consent. */
@IntegrationTest
class MonitoringResubmissionIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	MessageSource messages;

	@Test
	void theSameFormAgainSaysNothingChanged() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());
		LocalDate today = watches.today();

		assertThat(follow(manager, mvc.perform(form(manager, today)).andReturn())).contains("Человек поставлен на мониторинг.");
		String again = follow(manager, mvc.perform(form(manager, today)).andReturn());

		assertThat(again).contains("Человек уже на мониторинге на этих условиях — ничего не изменилось.")
			.doesNotContain("Человек поставлен на мониторинг.");
		assertThat(watches.search(broker.tenant().id(), WatchFilter.all(), 0, 10)).hasSize(1);
	}

	@Test
	void changedEventTypesAndANewerConsentAreNamedWithWhatTheyWere() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());
		LocalDate today = watches.today();
		mvc.perform(form(manager, today.minusDays(10))).andExpect(status().is3xxRedirection());

		String page = follow(manager, mvc.perform(form(manager, today).param("eventTypes", "LOAN_DISBURSED")).andReturn());

		assertThat(page).contains("Человек уже на мониторинге; изменено:",
				"Типы событий: все → " + messages.getMessage("signal.title.LOAN_DISBURSED", null, Locale.of("ru")),
				"Согласие: от " + today.minusDays(10).format(DAY) + " (Подбор кредита, На бумаге) → от " + today.format(DAY))
			.doesNotContain("Человек поставлен на мониторинг.", "Сегмент:");
		Watch watch = watches.search(broker.tenant().id(), WatchFilter.all(), 0, 10).getFirst().watch();
		assertThat(watch.eventTypes()).isEqualTo(Set.of(CreditEventType.LOAN_DISBURSED));
		assertThat(watch.consent().givenOn()).isEqualTo(today);
	}

	@Test
	void anOlderConsentIsRefusedAndTheNewerOneKept() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());
		LocalDate today = watches.today();
		mvc.perform(form(manager, today)).andExpect(status().is3xxRedirection());

		String page = mvc.perform(form(manager, today.minusMonths(1)).param("eventTypes", "LOAN_DISBURSED"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("У этого человека уже записано более новое согласие — от " + today.format(DAY));
		Watch watch = watches.search(broker.tenant().id(), WatchFilter.all(), 0, 10).getFirst().watch();
		assertThat(watch.consent().givenOn()).isEqualTo(today);
		assertThat(watch.eventTypes()).isEmpty();
	}

	@Test
	void aFormWithoutConsentKeepsTheOneOnRecord() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails manager = fixtures.signedIn(fixtures.manager(broker).email().value());
		LocalDate today = watches.today();
		mvc.perform(form(manager, today)).andExpect(status().is3xxRedirection());

		String page = follow(manager, mvc.perform(form(manager, null)).andReturn());

		assertThat(page).contains("ничего не изменилось");
		List<WatchLine> lines = watches.search(broker.tenant().id(), WatchFilter.all(), 0, 10);
		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line.watch().consent().givenOn()).isEqualTo(today);
			assertThat(line.watch().status()).isEqualTo(WatchStatus.ACTIVE);
		});
	}

	private static MockHttpServletRequestBuilder form(UserDetails manager, LocalDate consent) {
		MockHttpServletRequestBuilder form = post("/monitoring").with(user(manager)).with(csrf()).header("Accept-Language", "ru")
			.param("lastName", "Кузнецова").param("firstName", "Мария").param("middleName", "Игоревна")
			.param("birthDate", "03.07.1988").param("passport", "45 11 223344").param("segment", "IN_PROGRESS")
			.param("months", "6");
		if (consent != null) {
			form.param("consentDate", consent.format(DAY)).param("consentPurpose", "Подбор кредита")
				.param("consentMethod", "PAPER");
		}
		return form;
	}

	private String follow(UserDetails manager, MvcResult posted) throws Exception {
		assertThat(posted.getResponse().getStatus()).isEqualTo(302);
		return mvc.perform(get(posted.getResponse().getRedirectedUrl()).with(user(manager)).header("Accept-Language", "ru")
			.flashAttrs(posted.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
