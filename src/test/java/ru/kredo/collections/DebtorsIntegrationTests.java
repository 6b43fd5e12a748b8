package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.contacts.Contact;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.payments.DebtComponents;
import ru.kredo.payments.Money;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
class DebtorsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Debts debts;

	@Autowired
	AuditLog audit;

	@Test
	void theAgencySeesItsDebtsAndADebtorsCardWithTheBalanceByComponent() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = fixtures.contact(agency);
		debts.add(agency.tenant().id(), debtor.id(), "АО «Альфа-Банк»", "КД-1/2020", LocalDate.of(2020, 5, 5), null,
				DebtComponents.of(Money.ofRoubles("2000.00"), Money.ZERO, Money.ofRoubles("10000.00"),
						Money.ofRoubles("90000.00"), Money.ZERO), 700, "Новосибирская область", ZoneId.of("Asia/Novosibirsk"));

		String list = mvc.perform(get("/debtors").with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Семёнова Анна Петровна", "АО «Альфа-Банк»", "102 000,00 ₽", "Новосибирская область",
				"/debtors/portfolios");

		String card = mvc.perform(get("/debtors/{id}", debtor.id().value()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(card).contains("Госпошлина", "2 000,00 ₽", "Основной долг", "90 000,00 ₽", "4510 987654",
				"Asia/Novosibirsk");
		assertThat(audit.latest(agency.tenant().id(), 3)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.PERSONAL_DATA_VIEWED));
	}

	@Test
	void anAgencyAdminSetsRequisitesAndDiscountRulesWithReasonsForBadInput() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		var admin = fixtures.admin(agency);

		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "12345").param("ogrn", "1027700000001").param("address", "Москва").param("phone", "+7 495 1"));
		assertThat(requisites.of(agency.tenant().id())).isEmpty();
		mvc.perform(post("/requisites").with(user(admin)).with(csrf()).param("fullName", "ООО ПКО «Ромашка»")
			.param("inn", "7701234567").param("ogrn", "1027700000001").param("address", "Москва").param("phone", "+7 495 1"))
			.andExpect(redirectedUrl("/requisites"));
		assertThat(requisites.of(agency.tenant().id())).get().extracting(a -> a.inn()).isEqualTo("7701234567");

		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Щедро").param("discountPercent", "70"));
		mvc.perform(post("/offer-rules").with(user(admin)).with(csrf()).param("name", "Старые долги")
			.param("minDaysPastDue", "180").param("minBalance", "10 000,00").param("discountPercent", "15").param("validDays", "30"));
		assertThat(offers.rules(agency.tenant().id())).singleElement().satisfies(rule -> {
			assertThat(rule.name()).isEqualTo("Старые долги");
			assertThat(rule.minBalance()).isEqualTo(Money.ofRoubles("10000.00"));
		});
		assertThat(mvc.perform(get("/offer-rules").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("Старые долги", "15 %");
	}

	@Test
	void aManagerCannotChangeRequisitesOrRules() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		var manager = fixtures.signedIn(fixtures.manager(agency).email().value());

		mvc.perform(get("/requisites").with(user(manager))).andExpect(status().isNotFound());
		mvc.perform(get("/offer-rules").with(user(manager))).andExpect(status().isNotFound());
	}

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Offers offers;

	@Test
	void aBrokerHasNoDebts() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(get("/debtors").with(user(fixtures.admin(broker)))).andExpect(status().isNotFound());
	}
}
