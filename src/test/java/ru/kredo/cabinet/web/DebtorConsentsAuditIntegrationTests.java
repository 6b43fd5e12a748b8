package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditEvent;
import ru.kredo.audit.AuditLog;
import ru.kredo.cabinet.PersonalDataConsents;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A debtor's answers to the consent to processing personal data (with the address and browser each came from) are
 * his personal data: each time a staff user opens them on the debtor's card, the audit log says who and whose.
 */
@IntegrationTest
class DebtorConsentsAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	PersonalDataConsents consents;

	@Autowired
	AuditLog audit;

	@Test
	void aStaffUserLookingAtADebtorsConsentsIsAuditedWithWhoAndWhose() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		User manager = fixtures.manager(agency);
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Лаптев", "Олег", "Ильич"),
				LocalDate.of(1981, 6, 6), null, null, null, null, null);
		Contact other = contacts.add(agency.tenant().id(), new FullName("Гусев", "Антон", null), LocalDate.of(1983, 3, 3),
				null, null, null, null, null);
		String text = "Согласие на обработку персональных данных, редакция для аудита.";
		PersonalDataConsents.Answer answer = consents.record(agency.tenant().id(), debtor.id(), text, true, "203.0.113.9",
				"Mozilla/5.0 (Linux; Android 14) Mobile");

		mvc.perform(get("/debtors/{id}/personal-data-consents", debtor.id().value())
			.with(user(fixtures.signedIn(manager.email().value())))).andExpect(status().isOk());
		mvc.perform(get("/debtors/{id}/personal-data-consents/{version}", debtor.id().value(), answer.version())
			.with(user(fixtures.admin(agency)))).andExpect(status().isOk());

		List<AuditEvent> views = audit.latest(agency.tenant().id(), 20).stream()
			.filter(e -> e.action() == AuditAction.PERSONAL_DATA_VIEWED)
			.toList();
		assertThat(views).anySatisfy(e -> {
			assertThat(e.actor().id()).isEqualTo("user:" + manager.id());
			assertThat(e.objectType()).isEqualTo("contact");
			assertThat(e.objectId()).isEqualTo(debtor.id().value().toString());
			assertThat(e.detail()).isEqualTo("personal-data-consents");
		});
		assertThat(views).anySatisfy(e -> {
			assertThat(e.actor().id()).isEqualTo("user:" + agency.admin().id());
			assertThat(e.objectId()).isEqualTo(debtor.id().value().toString());
			assertThat(e.detail()).isEqualTo("personal-data-consent:" + answer.version());
		});
		assertThat(views).noneSatisfy(e -> assertThat(e.objectId()).isEqualTo(other.id().value().toString()));
	}
}
