package ru.kredo.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * The contacts export carries every phone and e-mail address a person has (a CRM export's work and home phones,
 * several addresses), one to a column, so that a CRM re-importing the file maps each column onto a field.
 */
@IntegrationTest
class ContactsExportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	AuditLog audit;

	@Test
	void everyPhoneAndEmailOfAPersonIsExportedOneToANumberedColumn() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		contacts.addOrFind(tenant.tenant().id(), List.of(
				new PersonDetails(new FullName("Абрамова", "Вера", null), LocalDate.of(1990, 2, 3), null, null, null,
						PhoneNumber.parse("+7 916 100-00-01"), "vera@home.ru",
						List.of(PhoneNumber.parse("+7 495 200-00-02"), PhoneNumber.parse("+7 926 300-00-03")),
						List.of("vera@work.ru")),
				new PersonDetails(new FullName("Борисов", "Глеб", null), LocalDate.of(1991, 4, 5), null, null, null,
						null, null, List.of(PhoneNumber.parse("+7 495 400-00-04")), List.of())));

		String[] lines = mvc.perform(get("/contacts/export.csv").with(user(fixtures.admin(tenant))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).split("\r\n");

		assertThat(lines[1]).isEqualTo("Фамилия;Имя;Отчество;Дата рождения;Паспорт;ИНН;СНИЛС;"
				+ "Телефон;Телефон 2;Телефон 3;Электронная почта;Электронная почта 2");
		assertThat(lines[2]).isEqualTo("Абрамова;Вера;;1990-02-03;;;;"
				+ "'+79161000001;'+74952000002;'+79263000003;vera@home.ru;vera@work.ru");
		// A person whose only phone came as a work phone has it in the first phone column.
		assertThat(lines[3]).isEqualTo("Борисов;Глеб;;1991-04-05;;;;'+74954000004;;;;");
		assertThat(lines[0]).contains("Телефон 3", "Электронная почта 2");
		assertThat(audit.latest(tenant.tenant().id(), 5)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo(AuditAction.EXPORTED);
			assertThat(e.detail()).isEqualTo("rows:2;columns:last_name,first_name,middle_name,birth_date,passport,inn,snils,"
					+ "phone,phone_2,phone_3,email,email_2");
		});
	}
}
