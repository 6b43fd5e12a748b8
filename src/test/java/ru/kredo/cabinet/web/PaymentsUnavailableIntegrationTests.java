package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.documents.Agency;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * An agency with no payment provider: the sandbox (which pays without money) serves only the demo's tenants, as in
 * production, so this class runs without the test profile's {@code kredo.payments.sandbox.any-tenant}.
 */
@IntegrationTest
@TestPropertySource(properties = "kredo.payments.sandbox.any-tenant=false")
class PaymentsUnavailableIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	AgencyRequisites requisites;

	@Test
	void aDebtorOfAnAgencyWithoutAProviderIsToldToCallItAndCannotPayThroughTheSandbox() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Без кассы»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 111-22-33"));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Громов", "Илья", "Ильич"),
				LocalDate.of(1979, 5, 5), null, null, null, null, null);
		Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-1/2021", LocalDate.of(2021, 4, 1),
				LocalDate.of(2024, 9, 1), DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"),
						Money.ZERO), 400);
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE,
				new SignedInDebtor(agency.tenant().id(), debtor.id()));
		String door = "/cabinet/" + agency.tenant().id();

		String home = mvc.perform(get(door + "/home").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("КД-1/2021",
				"Онлайн-оплата пока недоступна. Позвоните в агентство по телефону +7 495 111-22-33")
			.doesNotContain("/debts/" + debt.id() + "/pay\"");
		assertThat(mvc.perform(get(door + "/debts/" + debt.id()).session(session)).andReturn().getResponse()
			.getContentAsString()).contains("Онлайн-оплата пока недоступна. Позвоните в агентство по телефону +7 495 111-22-33")
			.doesNotContain("/debts/" + debt.id() + "/pay\"");

		mvc.perform(post(door + "/debts/" + debt.id() + "/pay").param("amount", "5000,00").param("method", "SBP")
			.param("key", UUID.randomUUID().toString()).session(session).with(csrf()))
			.andExpect(redirectedUrl(door + "/debts/" + debt.id()));
		assertThat(debts.get(agency.tenant().id(), debt.id()).total()).isEqualTo(Money.ofRoubles("5000.00"));

		assertThat(mvc.perform(get("/").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString()).contains("payments-not-set-up");
	}
}
