package ru.kredo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.signals.Signal;
import ru.kredo.tenancy.TenantKind;

/**
 * People read words, not codes: the audit log's objects and details, and a debtor's time zone, in both languages. The
 * codes stay in the log (searchable, exported); the pages show what they mean.
 */
@IntegrationTest
class HumanWordsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Test
	void theAuditLogShowsWhatHappenedInWordsNotCodes() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		UserDetails admin = fixtures.admin(broker);
		Signal signal = fixtures.watchedWithSignal(broker).signal();
		mvc.perform(get("/signals/{id}", signal.id().value()).with(user(admin))).andExpect(status().isOk());
		mvc.perform(post("/signals/{id}/outcome", signal.id().value()).param("outcome", "REACHED").with(user(admin))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/signals/ranking").param("segment", "PROSPECT").param("eventType", "APPLICATION")
			.param("priority", "2").with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());

		String log = text("/audit", admin, "ru");
		assertThat(log).contains("Дозвонились", "Человек", "при работе с сигналом", "Дожим · Подал заявку на кредит",
				"срочность 2")
			.doesNotContain("REACHED", "PROSPECT.APPLICATION", "contact", "signal:", "signal-priority");
		assertThat(text("/audit", admin, "en")).contains("Reached", "Person", "while working a signal")
			.doesNotContain("REACHED", "PROSPECT.APPLICATION", "contact");
	}

	@Test
	void aDebtorsTimeZoneIsACityAndAnOffset() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		debts.add(agency.tenant().id(), debtor.id(), "АО «Альфа-Банк»", "КД-3/2021", LocalDate.of(2021, 5, 5), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 100,
				"Новосибирская область", ZoneId.of("Asia/Novosibirsk"));

		UserDetails admin = fixtures.admin(agency);
		assertThat(text("/debtors/" + debtor.id().value(), admin, "ru")).contains("Новосибирск (UTC+7)")
			.doesNotContain("Asia/Novosibirsk");
		assertThat(text("/debtors/" + debtor.id().value(), admin, "en")).contains("Novosibirsk (UTC+7)")
			.doesNotContain("Asia/Novosibirsk");
	}

	private String text(String path, UserDetails who, String language) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).param("lang", language).with(user(who))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).body().text();
	}
}
