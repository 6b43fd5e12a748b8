package ru.kredo.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A conversation exported as a PDF for a regulator's request: the agency, the debtor, every message with its time in
 * the agency's zone and its author, files by name and size, internal notes left out (and the document says so), in
 * Russian with Cyrillic that reads back; audited; another agency's conversation is not found.
 */
@IntegrationTest
class ConversationPdfIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConversationAsAPdfHasEveryMessageWithTimeAndAuthorAndNoNotes() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		UserDetails admin = fixtures.admin(agency);
		User operator = fixtures.manager(agency);
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"),
				LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse("+79180000002"), null);
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Прошу отсрочку до пятнадцатого",
				new Upload("справка-о-доходах.pdf", PDF));
		ConversationId id = question.conversationId();
		conversations.reply(agency.tenant().id(), id, operator.id(), "Отсрочку согласовали", null);
		conversations.note(agency.tenant().id(), id, operator.id(), "Внутреннее: обещала платить");

		MvcResult result = mvc.perform(get("/inbox/{id}/export.pdf", id.value()).with(user(admin))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		String text = text(result.getResponse().getContentAsByteArray());
		String when = question.at().atZone(calendar.agencyZone())
			.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"));
		assertThat(text).contains("ПЕРЕПИСКА С ДОЛЖНИКОМ", agency.tenant().name(), "Лебедева Ольга Сергеевна",
				"Прошу отсрочку до пятнадцатого", "Отсрочку согласовали", operator.displayName(),
				"справка-о-доходах.pdf, 1 КБ", "Внутренние заметки сотрудников агентства", "Москва")
			.doesNotContain("Внутреннее: обещала платить");
		// The time to the second, in the agency's zone (the text reads back with spaces where a line may break).
		assertThat(text.replace(" ", "")).contains(when.replace(" ", ""));
		assertThat(jdbc.sql("""
				select count(*) from audit_events where tenant_id = ? and action = 'EXPORTED' and object_id = ?
				    and detail like '%format:pdf'""")
			.params(agency.tenant().id().value(), id.value().toString()).query(Long.class).single()).isEqualTo(1);
		// The inbox links it beside the CSV.
		assertThat(mvc.perform(get("/inbox/{id}", id.value()).with(user(admin))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("/inbox/" + id.value() + "/export.pdf");

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(get("/inbox/{id}/export.pdf", id.value()).with(user(fixtures.admin(other)))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
