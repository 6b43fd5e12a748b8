package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.docrequests.DocumentRequest;
import ru.kredo.docrequests.DocumentRequested;
import ru.kredo.docrequests.DocumentRequests;
import ru.kredo.docrequests.DocumentType;
import ru.kredo.docrequests.RequestState;
import ru.kredo.money.Money;
import ru.kredo.platform.InvalidFields;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantKind;

/**
 * Documents on request: a debtor asks from «Документы» (every wrong field said, a limit on open requests, the same
 * request twice refused); the request waits in the inbox's «Запросы документов» under the first-reply SLA; an operator
 * answers with a PDF (anything else refused, with why) or declines with a reason the debtor reads; he is texted; the
 * PDF is his and his agency's staff's only. The API does the same for an agency's own software. And an operator sends
 * a PDF from the conversation: it is in the chat and in his «Документы». Another debtor, another agency: 404.
 */
@IntegrationTest
@RecordApplicationEvents
class DocumentRequestsIntegrationTests {

	@Autowired
	ru.kredo.cabinet.web.CabinetMvc cabinet;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	/** Its debtors live where it is daytime, its texts name its phone: they go now (the contact gate). */
	@Autowired
	ru.kredo.Reachable reachable;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	DocumentRequests requests;

	@Autowired
	Conversations conversations;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	Provisioned agency;
	Provisioned otherAgency;
	String door;
	Contact debtor;
	Debt debt;
	UserDetails staff;

	@BeforeEach
	void aDebtorWithADebt() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		otherAgency = fixtures.tenant(TenantKind.COLLECTOR);
		door = "/cabinet/" + agency.tenant().id();
		debtor = debtor(agency, "Лебедева");
		debt = debtOf(agency, debtor);
		staff = fixtures.admin(agency);
	}

	@Test
	void aRequestIsAnsweredWithAPdfThatOnlyTheDebtorAndHisAgencysStaffDownload() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		assertThat(page(door + "/documents", session)).contains("Запросить документ", "Расчёт задолженности",
				"name=\"comment\"", debt.contractNumber());
		assertThat(redirect(post(door + "/documents/requests").param("type", "DEBT_CALCULATION")
			.param("debt", debt.id().value().toString()).param("comment", "Для суда, с процентами"), session))
			.isEqualTo(door + "/documents#request");
		DocumentRequest request = requests.ofDebtor(agency.tenant().id(), debtor.id()).getFirst();
		assertThat(request.state()).isEqualTo(RequestState.OPEN);
		assertThat(page(door + "/documents", session)).contains("Запрос принят", "Мои запросы", "Принят");
		assertThat(events.stream(DocumentRequested.class).filter(e -> e.requestId().equals(request.id())))
			.singleElement().satisfies(e -> {
				assertThat(e.tenantId()).isEqualTo(agency.tenant().id());
				assertThat(e.debtorId()).isEqualTo(debtor.id());
				assertThat(e.type()).isEqualTo(DocumentType.DEBT_CALCULATION);
			});
		// His comment is sealed.
		byte[] stored = jdbc.sql("select comment from document_requests where id = ?").param(request.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("процентами");

		// The inbox's tab lists it, due in working time; its page is audited.
		assertThat(staffPage("/inbox/requests")).contains(debtor.name().display(), "Расчёт задолженности",
				"/inbox/requests/" + request.id());
		assertThat(staffPage("/inbox/requests/" + request.id())).contains("Для суда, с процентами", "Ответить документом");
		assertThat(audited("PERSONAL_DATA_VIEWED", request.id().toString())).isEqualTo(1);

		// Not a PDF: refused, with why, next to the file; still open.
		MvcResult refused = mvc.perform(multipart("/inbox/requests/{id}/answer", request.id())
			.file(new MockMultipartFile("file", "расчёт.pdf", "application/pdf", "<html>не PDF</html>".getBytes(StandardCharsets.UTF_8)))
			.with(user(staff)).with(csrf())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Нужен PDF: проверяется содержимое файла, а не его имя.", "is-invalid");
		assertThat(requests.get(agency.tenant().id(), request.id()).state()).isEqualTo(RequestState.OPEN);

		MvcResult answered = mvc.perform(multipart("/inbox/requests/{id}/answer", request.id())
			.file(new MockMultipartFile("file", "расчёт.pdf", "application/octet-stream", PDF))
			.with(user(staff)).with(csrf())).andReturn();
		assertThat(answered.getResponse().getStatus()).isEqualTo(302);
		DocumentRequest done = requests.get(agency.tenant().id(), request.id());
		assertThat(done.state()).isEqualTo(RequestState.ANSWERED);
		assertThat(audited("DOCUMENT_REQUEST_ANSWERED", request.id().toString())).isEqualTo(1);
		byte[] content = jdbc.sql("select content from debtor_documents where id = ?").param(done.documentId())
			.query(byte[].class).single();
		assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

		// He is told by a text with the link to his documents.
		await().atMost(Duration.ofSeconds(10)).until(() -> texts().stream().anyMatch(t -> t.contains("запрос документа")));
		assertThat(texts()).anyMatch(t -> t.endsWith(door + "/documents"));

		// He sees it ready and downloads it; no one else does.
		String file = door + "/documents/files/" + done.documentId();
		assertThat(page(door + "/documents", session)).contains("Готов", file, "Документы от агентства");
		MvcResult download = mvc.perform(get(file).session(session)).andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		Contact neighbour = debtor(agency, "Соседова");
		assertThat(status(get(file).session(signedIn(agency, neighbour)))).isEqualTo(404);
		assertThat(status(get(file))).isIn(404, 302);
		assertThat(status(get("/inbox/documents/" + done.documentId()).with(user(staff)))).isEqualTo(200);
		assertThat(status(get("/inbox/documents/" + done.documentId()).with(user(fixtures.admin(otherAgency)))))
			.isEqualTo(404);
		assertThat(status(get("/inbox/requests/" + request.id()).with(user(fixtures.admin(otherAgency))))).isEqualTo(404);
		// The other debtor's documents page shows none of it.
		assertThat(page(door + "/documents", signedIn(agency, neighbour))).doesNotContain(done.documentId().toString(),
				"Расчёт задолженности</div>");

		// Answered once: a second answer is refused.
		mvc.perform(multipart("/inbox/requests/{id}/answer", request.id())
			.file(new MockMultipartFile("file", "ещё.pdf", "application/pdf", PDF)).with(user(staff)).with(csrf()));
		assertThat(jdbc.sql("select count(*) from debtor_documents where contact_id = ?").param(debtor.id().value())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDeclinedRequestShowsTheDebtorTheOperatorsReason() throws Exception {
		DocumentRequest request = requests.request(agency.tenant().id(), debtor.id(), debt.id(),
				DocumentType.NOTICE_OF_ASSIGNMENT, "");
		MvcResult empty = mvc.perform(post("/inbox/requests/{id}/decline", request.id()).param("reason", "  ")
			.with(user(staff)).with(csrf())).andReturn();
		assertThat(empty.getResponse().getStatus()).isEqualTo(422);
		assertThat(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Напишите причину");

		assertThat(mvc.perform(post("/inbox/requests/{id}/decline", request.id())
			.param("reason", "Уведомление направлялось вам почтой 12.03.2025").with(user(staff)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(page(door + "/documents", signedIn(agency, debtor))).contains("Отказано",
				"Причина отказа: Уведомление направлялось вам почтой 12.03.2025");
		assertThat(audited("DOCUMENT_REQUEST_DECLINED", request.id().toString())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> texts().stream().anyMatch(t -> t.contains("запрос документа")));
	}

	@Test
	void everyWrongFieldIsSaidInHisLanguageAndTheSameRequestOrTooManyAreRefused() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		redirect(post(door + "/documents/requests").param("type", "").param("debt", "")
			.param("comment", "я".repeat(requests.limits().maxCommentLength() + 1)), session);
		String page = page(door + "/documents", session);
		assertThat(page).contains("Выберите, какой документ нужен.", "Выберите один из ваших договоров.",
				"Комментарий — не длиннее ", "id=\"request-comment-error\"");
		// A control character (the web layer refuses it in any parameter first) is refused here too.
		assertThatThrownBy(() -> requests.request(agency.tenant().id(), debtor.id(), debt.id(), DocumentType.OTHER, "a\u0000b"))
			.isInstanceOfSatisfying(InvalidFields.class,
					e -> assertThat(e.errors().get("comment").code()).isEqualTo("request.control-character"));
		redirect(post(door + "/documents/requests").param("type", "OTHER").param("debt", debt.id().value().toString())
			.param("comment", " "), session);
		assertThat(mvc.perform(get(door + "/documents").session(session).param("lang", "en")).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Say which document you need.");
		// Another debtor's debt is not his to choose.
		Debt others = debtOf(agency, debtor(agency, "Чужая"));
		redirect(post(door + "/documents/requests").param("type", "BANK_CERTIFICATE")
			.param("debt", others.id().value().toString()), session);
		assertThat(page(door + "/documents", session)).contains("Выберите один из ваших договоров.");
		assertThat(requests.ofDebtor(agency.tenant().id(), debtor.id())).isEmpty();

		redirect(post(door + "/documents/requests").param("type", "BANK_CERTIFICATE")
			.param("debt", debt.id().value().toString()), session);
		assertThat(page(door + "/documents", session)).contains("Запрос принят");
		redirect(post(door + "/documents/requests").param("type", "BANK_CERTIFICATE")
			.param("debt", debt.id().value().toString()), session);
		assertThat(page(door + "/documents", session)).contains("Такой документ по этому договору уже запрошен");
		assertThat(requests.ofDebtor(agency.tenant().id(), debtor.id())).hasSize(1);

		Debt second = debtOf(agency, debtor);
		int limit = requests.limits().maxOpenPerDebtor();
		List<DocumentType> types = List.of(DocumentType.values());
		for (int i = 1; i < limit; i++) {
			requests.request(agency.tenant().id(), debtor.id(), second.id(), types.get(i % types.size()), "текст " + i);
		}
		redirect(post(door + "/documents/requests").param("type", "DEBT_CALCULATION")
			.param("debt", debt.id().value().toString()), session);
		assertThat(page(door + "/documents", session)).contains("Открыто уже столько запросов, сколько можно одновременно ("
				+ limit + ")");
		assertThat(requests.ofDebtor(agency.tenant().id(), debtor.id())).hasSize(limit);
	}

	@Test
	void aRequestWaitingPastTheFirstReplyTargetIsMarkedOverdue() throws Exception {
		DocumentRequest old = requests.request(agency.tenant().id(), debtor.id(), debt.id(), DocumentType.BANK_CERTIFICATE, "");
		DocumentRequest fresh = requests.request(agency.tenant().id(), debtor.id(), debt.id(),
				DocumentType.DEBT_CALCULATION, "");
		jdbc.sql("update document_requests set created_at = created_at - interval '30 days' where id = ?")
			.param(old.id()).update();
		assertThat(requests.due(requests.get(agency.tenant().id(), old.id())).overdue()).isTrue();
		assertThat(requests.due(fresh).overdue()).isFalse();
		String overdue = staffPage("/inbox/requests?filter=OVERDUE");
		assertThat(overdue).contains("/inbox/requests/" + old.id(), "просрочено")
			.doesNotContain("/inbox/requests/" + fresh.id());
		// On the debtor's card too.
		assertThat(staffPage("/inbox/requests/of/" + debtor.id())).contains("/inbox/requests/" + old.id(), "просрочено",
				"/inbox/requests/" + fresh.id());
		assertThat(status(get("/inbox/requests/of/" + debtor.id()).with(user(fixtures.admin(otherAgency))))).isEqualTo(404);
	}

	@Test
	void theApiListsAnswersAndDeclinesRequestsOfItsOwnAgencyOnly() throws Exception {
		DocumentRequest first = requests.request(agency.tenant().id(), debtor.id(), debt.id(),
				DocumentType.ASSIGNMENT_EXTRACT, "Нужна выписка");
		DocumentRequest second = requests.request(agency.tenant().id(), debtor.id(), debt.id(),
				DocumentType.NOTICE_OF_ASSIGNMENT, "");
		String key = "Bearer " + agency.apiKey().secret();
		String list = mvc.perform(get("/api/v1/document-requests").header("Authorization", key)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(first.id().toString(), second.id().toString(), "\"state\":\"OPEN\"", "dueAt")
			.doesNotContain("Нужна выписка");
		assertThat(mvc.perform(get("/api/v1/document-requests/{id}", first.id()).header("Authorization", key))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Нужна выписка");

		String stranger = "Bearer " + otherAgency.apiKey().secret();
		assertThat(status(get("/api/v1/document-requests/{id}", first.id()).header("Authorization", stranger))).isEqualTo(404);
		assertThat(status(multipart("/api/v1/document-requests/{id}/answer", first.id())
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)).header("Authorization", stranger)))
			.isEqualTo(404);
		assertThat(status(post("/api/v1/document-requests/{id}/decline", first.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"нет\"}").header("Authorization", stranger))).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/document-requests").header("Authorization", stranger)).andReturn()
			.getResponse().getContentAsString()).doesNotContain(first.id().toString());

		MvcResult notPdf = mvc.perform(multipart("/api/v1/document-requests/{id}/answer", first.id())
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", "PK\u0003\u0004zip".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", key)).andReturn();
		assertThat(notPdf.getResponse().getStatus()).isEqualTo(400);
		assertThat(notPdf.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"code\":\"docrequest.file-not-pdf\"", "Нужен PDF");

		assertThat(mvc.perform(multipart("/api/v1/document-requests/{id}/answer", first.id())
			.file(new MockMultipartFile("file", "выписка.pdf", "application/pdf", PDF)).header("Authorization", key))
			.andReturn().getResponse().getContentAsString()).contains("\"state\":\"ANSWERED\"", "documentId");
		assertThat(mvc.perform(post("/api/v1/document-requests/{id}/decline", second.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Копию выдаёт банк-цедент\"}")
			.header("Authorization", key)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"state\":\"DECLINED\"", "Копию выдаёт банк-цедент");
		assertThat(mvc.perform(post("/api/v1/document-requests/{id}/decline", second.id())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"ещё\"}").header("Authorization", key))
			.andReturn().getResponse().getContentAsString()).contains("docrequest.not-open");
		String answered = mvc.perform(get("/api/v1/document-requests?state=ANSWERED").header("Authorization", key))
			.andReturn().getResponse().getContentAsString();
		assertThat(answered).contains(first.id().toString()).doesNotContain(second.id().toString());
		// The audit log names the key.
		assertThat(jdbc.sql("select actor from audit_events where action = 'DOCUMENT_REQUEST_ANSWERED' and object_id = ?")
			.param(first.id().toString()).query(String.class).single()).startsWith("api-key:");
	}

	@Test
	void aDocumentSentFromTheConversationIsInTheChatAndInHisDocuments() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Пришлите график", null);
		String conversation = question.conversationId().toString();
		assertThat(staffPage("/inbox/" + conversation)).contains("/inbox/" + conversation + "/document");
		MvcResult wrong = mvc.perform(multipart("/inbox/{id}/document", conversation).param("title", " ")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "нет".getBytes(StandardCharsets.UTF_8)))
			.with(user(staff)).with(csrf())).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Назовите документ.",
				"Нужен PDF");

		assertThat(mvc.perform(multipart("/inbox/{id}/document", conversation).param("title", "Справка об отсутствии задолженности")
			.file(new MockMultipartFile("file", "справка.pdf", "application/pdf", PDF)).with(user(staff)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/inbox/" + conversation);
		List<Message> history = conversations.history(agency.tenant().id(), question.conversationId(), false);
		assertThat(history.getLast().text()).isEqualTo("Справка об отсутствии задолженности");
		assertThat(history.getLast().attachments()).singleElement().satisfies(a -> assertThat(a.fileName()).isEqualTo("справка.pdf"));
		assertThat(page(door + "/documents", signedIn(agency, debtor))).contains("Справка об отсутствии задолженности",
				"Документы от агентства");
		// Stored once: the document refers to the chat's file instead of sealing the same bytes again, and both the
		// debtor and the staff download those bytes through it.
		UUID document = jdbc.sql("select id from debtor_documents where tenant_id = ? and contact_id = ?")
			.params(agency.tenant().id().value(), debtor.id().value()).query(UUID.class).single();
		assertThat(jdbc.sql("select count(*) from debtor_documents where id = ? and content is not null").param(document)
			.query(Long.class).single()).as("a second sealed copy of the chat's file").isZero();
		assertThat(jdbc.sql("select attachment_id from debtor_documents where id = ?").param(document).query(UUID.class)
			.single()).isEqualTo(history.getLast().attachments().getFirst().id().value());
		assertThat(mvc.perform(get(door + "/documents/files/" + document).session(signedIn(agency, debtor))).andReturn()
			.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(mvc.perform(get("/inbox/documents/" + document).with(user(staff))).andReturn().getResponse()
			.getContentAsByteArray()).isEqualTo(PDF);
		assertThat(status(get(door + "/documents/files/" + document).session(signedIn(agency, debtor(agency, "Воронова")))))
			.isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'DOCUMENT_SENT'")
			.param(agency.tenant().id().value()).query(Long.class).single()).isEqualTo(1);
		assertThat(status(get("/inbox/{id}/document", conversation).with(user(fixtures.admin(otherAgency))))).isEqualTo(404);
	}

	/**
	 * Issue 15: the inbox's «Отправить документ» through the API does what the page does — the same checks and codes
	 * (every wrong field at once, 400 here where the page answers 422), the document in his «Документы», the agency's
	 * message in his chat with the file, written by the key — and another agency's conversation is a 404.
	 */
	@Test
	void aDocumentSentThroughTheApiIsInTheChatAndInHisDocumentsAsThePagesAre() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Пришлите расчёт", null);
		String conversation = question.conversationId().toString();
		String path = "/api/v1/conversations/" + conversation + "/documents";

		MvcResult wrong = mvc.perform(multipart(path).param("title", " ")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "нет".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		String refused = wrong.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("\"code\":\"request.invalid-fields\"", "\"field\":\"title\"",
				"\"code\":\"docrequest.title-required\"", "\"field\":\"file\"", "\"code\":\"docrequest.file-not-pdf\"");
		MvcResult none = mvc.perform(multipart(path).param("title", "Расчёт")
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(none.getResponse().getStatus()).isEqualTo(400);
		assertThat(none.getResponse().getContentAsString()).contains("\"code\":\"docrequest.file-required\"");
		assertThat(conversations.history(agency.tenant().id(), question.conversationId(), false)).hasSize(1);

		// Another agency's key: not found, and nothing is sent.
		MvcResult stranger = mvc.perform(multipart(path).param("title", "Расчёт")
			.file(new MockMultipartFile("file", "расчёт.pdf", "application/pdf", PDF))
			.header("Authorization", "Bearer " + otherAgency.apiKey().secret())).andReturn();
		assertThat(stranger.getResponse().getStatus()).isEqualTo(404);
		assertThat(stranger.getResponse().getContentAsString()).contains("\"code\":\"conversation.not-found\"");

		MvcResult sent = mvc.perform(multipart(path).param("title", "Расчёт задолженности")
			.file(new MockMultipartFile("file", "расчёт.pdf", "application/pdf", PDF))
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(201);
		String body = sent.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"title\":\"Расчёт задолженности\"", "\"fileName\":\"расчёт.pdf\"",
				"\"conversationId\":\"" + conversation + "\"");

		// In his chat, as the agency's, written by the key; staff see the key.
		List<Message> history = conversations.history(agency.tenant().id(), question.conversationId(), false);
		assertThat(history.getLast().text()).isEqualTo("Расчёт задолженности");
		assertThat(history.getLast().attachments()).singleElement().satisfies(a -> assertThat(a.fileName()).isEqualTo("расчёт.pdf"));
		assertThat(jdbc.sql("select api_key_id from conversation_messages where id = ?").param(history.getLast().id())
			.query(UUID.class).single()).isEqualTo(agency.apiKey().key().id().value());
		assertThat(staffPage("/inbox/" + conversation)).contains("API: Первый ключ", "Расчёт задолженности");
		// … and in his «Документы», the same bytes.
		UUID document = jdbc.sql("select id from debtor_documents where tenant_id = ? and contact_id = ?")
			.params(agency.tenant().id().value(), debtor.id().value()).query(UUID.class).single();
		assertThat(body).contains("\"id\":\"" + document + "\"");
		assertThat(page(door + "/documents", signedIn(agency, debtor))).contains("Расчёт задолженности",
				"Документы от агентства");
		assertThat(mvc.perform(get(door + "/documents/files/" + document).session(signedIn(agency, debtor))).andReturn()
			.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and action = 'DOCUMENT_SENT'")
			.param(agency.tenant().id().value()).query(String.class).single()).startsWith("api-key:");
		assertThat(jdbc.sql("select created_by is null from debtor_documents where id = ?").param(document)
			.query(Boolean.class).single()).as("a key is no user").isTrue();
	}

	@Test
	void aFileOverTheLimitIsRefusedAndABodyFarOverItIsNotEvenRead() throws Exception {
		DocumentRequest request = requests.request(agency.tenant().id(), debtor.id(), debt.id(),
				DocumentType.DEBT_CALCULATION, "");
		int limit = (int) requests.limits().maxFileSize().toBytes();
		byte[] justOver = java.util.Arrays.copyOf(PDF, limit + 1);
		MvcResult page = mvc.perform(multipart("/inbox/requests/{id}/answer", request.id())
			.file(new MockMultipartFile("file", "big.pdf", "application/pdf", justOver)).with(user(staff)).with(csrf()))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(422);
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Файл слишком большой");
		MvcResult api = mvc.perform(multipart("/api/v1/document-requests/{id}/answer", request.id())
			.file(new MockMultipartFile("file", "big.pdf", "application/pdf", justOver))
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(413);
		assertThat(api.getResponse().getContentAsString()).contains("\"code\":\"docrequest.file-too-large\"");
		// Sent from a conversation through the API: the same limit, the same 413.
		String conversation = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Жду", null).conversationId()
			.toString();
		MvcResult sent = mvc.perform(multipart("/api/v1/conversations/{id}/documents", conversation).param("title", "Большой")
			.file(new MockMultipartFile("file", "big.pdf", "application/pdf", justOver))
			.header("Authorization", "Bearer " + agency.apiKey().secret())).andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(413);
		assertThat(sent.getResponse().getContentAsString()).contains("\"code\":\"docrequest.file-too-large\"");

		// A body over what the form may carry, or of no stated length, is refused before it is parsed.
		for (String path : List.of("/inbox/requests/" + request.id() + "/answer", "/api/v1/document-requests/"
				+ request.id() + "/answer", "/inbox/" + UUID.randomUUID() + "/document",
				"/api/v1/conversations/" + conversation + "/documents")) {
			assertThat(status(post(path).contentType("multipart/form-data; boundary=x")
				.content(new byte[(int) requests.limits().maxFormBytes() + 1]).with(user(staff)).with(csrf())))
				.as(path).isEqualTo(413);
			assertThat(status(post(path).contentType("multipart/form-data; boundary=x").header("Transfer-Encoding", "chunked")
				.with(user(staff)).with(csrf()))).as(path).isEqualTo(413);
		}
		assertThat(requests.get(agency.tenant().id(), request.id()).state()).isEqualTo(RequestState.OPEN);
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocumentWithExamples() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		tools.jackson.databind.JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(doc).get("paths");
		assertThat(paths.get("/api/v1/document-requests").get("get").get("tags").get(0).asString())
			.isEqualTo("Document requests");
		tools.jackson.databind.JsonNode answer = paths.get("/api/v1/document-requests/{id}/answer").get("post");
		assertThat(answer.get("requestBody").get("content").propertyNames()).contains("multipart/form-data");
		assertThat(answer.get("responses").propertyNames()).contains("200", "400", "404", "413");
		assertThat(paths.get("/api/v1/document-requests/{id}/decline").get("post").get("requestBody").toString())
			.contains("банк-цедент");
		assertThat(paths.get("/api/v1/document-requests/{id}").get("get").get("responses").get("200").toString())
			.contains("DEBT_CALCULATION");
	}

	private List<String> texts() {
		return jdbc.sql("select text from sms_outbox where tenant_id = ? order by id").param(agency.tenant().id().value())
			.query((row, n) -> personalData.open("sms_outbox.text", new Sealed(row.getBytes("text")))).list();
	}

	private long audited(String action, String object) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and object_id = ?")
			.params(agency.tenant().id().value(), action, object).query(Long.class).single();
	}

	private Contact debtor(Provisioned tenant, String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
		reachable.named(tenant.tenant().id());
		reachable.awake(tenant.tenant().id(), debtor.id());
		return debtor;
	}

	private Debt debtOf(Provisioned tenant, Contact who) {
		return debts.add(tenant.tenant().id(), who.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}

	private MockHttpSession signedIn(Provisioned tenant, Contact who) {
		return cabinet.signedIn(tenant.tenant().id(), who.id());
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return cabinet.page(path, session);
	}

	private String staffPage(String path) throws Exception {
		return cabinet.staffPage(path, staff);
	}

	private String redirect(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return cabinet.redirect(request, session);
	}

	private int status(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return cabinet.status(request);
	}
}
