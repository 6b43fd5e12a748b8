package ru.kredo.cabinet.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A {@link SignedInDebtor} is the debtor signed in to the agency of the page's address, never another's: signed in to
 * one agency, he is a guest at the next one's cabinet — sent to its door where a page is his only, a guest on a page
 * guests see, a 404 where the page answers guests so — and still himself at home.
 */
@IntegrationTest
class SignedInDebtorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Test
	void theDebtorOfOneAgencyIsAGuestInAnothersCabinet() throws Exception {
		Provisioned his = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned next = fixtures.tenant(TenantKind.COLLECTOR);
		Contact debtor = contacts.add(his.tenant().id(), new FullName("Громов", "Илья", "Ильич"), LocalDate.of(1979, 5, 5),
				null, null, null, null, null);
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(his.tenant().id(), debtor.id()));
		String home = "/cabinet/" + his.tenant().id();
		String there = "/cabinet/" + next.tenant().id();
		UUID debt = UUID.randomUUID();

		mvc.perform(get(home + "/home").session(session)).andExpect(status().isOk());
		mvc.perform(get(there + "/home").session(session)).andExpect(redirectedUrl(there));
		mvc.perform(get(there + "/debts/" + debt + "/offer/sign").session(session)).andExpect(redirectedUrl(there));
		mvc.perform(post(there + "/debts/" + debt + "/pay").param("amount", "100").param("key", "k").session(session)
			.with(csrf())).andExpect(redirectedUrl(there));
		mvc.perform(post(there + "/consent").param("decision", "give").param("version", "v").session(session)
			.with(csrf())).andExpect(redirectedUrl(there));
		mvc.perform(get(there + "/debts/" + debt + "/certificate.pdf").session(session)).andExpect(status().isNotFound());
		mvc.perform(get(there + "/code").session(session)).andExpect(redirectedUrl(there));
		mvc.perform(get(home + "/code").session(session)).andExpect(redirectedUrl(home + "/home"));
		// No session at all (expired, never signed in): the door, with no session made for it.
		mvc.perform(get(home + "/home")).andExpect(redirectedUrl(home))
			.andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false))
				.isNull());
	}
}
