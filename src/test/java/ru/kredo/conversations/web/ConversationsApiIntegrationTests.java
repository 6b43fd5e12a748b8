package ru.kredo.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.StatementCounter;
import ru.kredo.StatementCounter.Counted;
import ru.kredo.accounts.User;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationLimits;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.InboxFilter;
import ru.kredo.conversations.InboxLine;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.TenantKind;

/**
 * The conversations' REST API: an answer through it is the inbox's answer (the debtor sees it as the agency's, live or
 * by text when away, with his unread count; the first-reply clock stops; staff see the key that wrote it), a note
 * never reaches the debtor, files are checked by content as in the inbox, reads are audited and paged, and another
 * agency's key, a broker's key or another debtor's file is a 404.
 */
@IntegrationTest
class ConversationsApiIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
	/** The attribute the cabinet keeps its signed-in debtor under ({@code cabinet/web/SignedInDebtors}). */
	static final String DEBTOR_SESSION = "kredo.cabinet.debtor";

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
	Conversations conversations;

	@Autowired
	ConversationLimits limits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Provisioned agency;
	String key;
	Contact debtor;
	Contact neighbour;

	@BeforeEach
	void anAgencyWithTwoDebtors() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		key = agency.apiKey().secret();
		debtor = debtor("Лебедева");
		neighbour = debtor("Соседова");
	}

	@Test
	void anAnswerThroughTheApiReachesTheDebtorLiveAsTheAgencysAndStopsTheWait() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Можно отсрочку?", null);
		String id = question.conversationId().toString();
		assertThat(conversation(question).waitingSince()).isNotNull();
		MockHttpSession session = signedIn(debtor);
		String chat = "/cabinet/" + agency.tenant().id() + "/chat";
		MvcResult stream = mvc.perform(get(chat + "/stream").param("after", Long.toString(question.id())).session(session))
			.andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();

		MvcResult answered = api(post("/api/v1/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Да, до 15-го\"}"));
		assertThat(answered.getResponse().getStatus()).isEqualTo(201);
		JsonNode message = json.readTree(answered.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(message.get("author").asString()).isEqualTo("AGENCY");
		assertThat(message.get("writtenBy").asString()).isEqualTo("API: Первый ключ");

		// Live on his open page, as the agency's.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("Да, до 15-го"));
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("API:");
		assertThat(conversation(question).waitingSince()).as("answered: the first-reply clock stopped").isNull();
		// The record names the key, not a user.
		assertThat(jdbc.sql("select api_key_id from conversation_messages where id = ?").param(message.get("id").asLong())
			.query(UUID.class).single()).isEqualTo(agency.apiKey().key().id().value());

		assertThat(page(chat, session)).contains("Да, до 15-го", agency.tenant().name())
			.doesNotContain("API:", "Первый ключ");
		// Staff see which key wrote it.
		assertThat(mvc.perform(get("/inbox/" + id).with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("API: Первый ключ", "Да, до 15-го");
	}

	@Test
	void anAwayDebtorIsTextedWhenTheApiAnswers() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), neighbour.id(), "Перезвоните мне", null);
		assertThat(api(post("/api/v1/conversations/{id}/messages", question.conversationId().toString())
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Вы здесь?\"}")).getResponse().getStatus())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> texts() == 1);
		assertThat(conversation(question).debtorUnread()).isEqualTo(1);
		assertThat(conversations.unreadForDebtor(agency.tenant().id(), neighbour.id())).isEqualTo(1);
		MockHttpSession session = signedIn(neighbour);
		assertThat(page("/cabinet/" + agency.tenant().id() + "/home", session)).contains("Чат: 1 непрочитанный ответ");
		assertThat(page("/cabinet/" + agency.tenant().id() + "/chat", session)).contains("Вы здесь?",
				agency.tenant().name()).doesNotContain("API:");
		assertThat(conversations.unreadForDebtor(agency.tenant().id(), neighbour.id())).as("read now").isZero();
	}

	@Test
	void aNoteThroughTheApiIsStaffsOnlyAndAnswersNothing() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null);
		MvcResult noted = api(post("/api/v1/conversations/{id}/notes", question.conversationId().toString())
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Внутреннее: проверить доход\"}"));
		assertThat(noted.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(noted).get("author").asString()).isEqualTo("NOTE");

		assertThat(page("/cabinet/" + agency.tenant().id() + "/chat", signedIn(debtor)))
			.contains("Вопрос").doesNotContain("Внутреннее: проверить доход");
		assertThat(conversations.history(agency.tenant().id(), question.conversationId(), false))
			.extracting(Message::text).doesNotContain("Внутреннее: проверить доход");
		assertThat(conversation(question).waitingSince()).as("still waiting").isNotNull();
		assertThat(conversation(question).debtorUnread()).isZero();
		JsonNode read = body(api(get("/api/v1/conversations/{id}", question.conversationId().toString())));
		assertThat(read.get("messages")).extracting(m -> m.get("author").asString()).containsExactly("DEBTOR", "NOTE");
	}

	@Test
	void aFileIsCheckedByItsContentAsInTheInboxAndDownloadedAudited() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null);
		String id = question.conversationId().toString();
		MvcResult refused = api(multipart("/api/v1/conversations/{id}/messages", id)
			.file(new MockMultipartFile("file", "ответ.pdf", "application/pdf", "GIF89a...".getBytes(StandardCharsets.US_ASCII)))
			.param("text", "Смотрите вложение"));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused).get("code").asString()).isEqualTo("chat.attachment-type");
		assertThat(body(refused).get("detail").asString()).contains("подходят только PDF, JPEG и PNG");
		MvcResult english = api(multipart("/api/v1/conversations/{id}/messages", id)
			.file(new MockMultipartFile("file", "a.exe", "image/png", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)))
			.header("Accept-Language", "en"));
		assertThat(body(english).get("detail").asString()).contains("PDF, JPEG").doesNotContain("подходят");
		assertThat(conversations.history(agency.tenant().id(), question.conversationId(), true)).hasSize(1);

		// Over the size a conversation takes: refused before it is read, as the inbox's form is.
		MvcResult large = api(multipart("/api/v1/conversations/{id}/messages", id)
			.file(new MockMultipartFile("file", "скан.pdf", "application/pdf",
					java.util.Arrays.copyOf(PDF, (int) limits.maxFormBytes() + 1))));
		assertThat(large.getResponse().getStatus()).isEqualTo(413);
		assertThat(body(large).get("code").asString()).startsWith("chat.attachment-too-large");
		// A body of no stated length is refused unread, not spooled by the multipart parser.
		MvcResult chunked = api(post("/api/v1/conversations/{id}/messages", id).header("Transfer-Encoding", "chunked")
			.contentType("multipart/form-data; boundary=x"));
		assertThat(chunked.getResponse().getStatus()).isEqualTo(413);
		assertThat(body(chunked).get("code").asString()).startsWith("chat.attachment-too-large");

		MvcResult sent = api(multipart("/api/v1/conversations/{id}/messages", id)
			.file(new MockMultipartFile("file", "график.pdf", "application/octet-stream", PDF)));
		assertThat(sent.getResponse().getStatus()).isEqualTo(201);
		JsonNode file = body(sent).get("attachments").get(0);
		assertThat(file.get("type").asString()).isEqualTo("PDF");
		assertThat(file.get("fileName").asString()).isEqualTo("график.pdf");
		// Stored sealed, not as sent.
		assertThat(jdbc.sql("select content from conversation_attachments where id = ?")
			.param(UUID.fromString(file.get("id").asString())).query(byte[].class).single()).isNotEqualTo(PDF);

		long before = audited(id);
		MvcResult download = api(get(file.get("href").asString()));
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(audited(id)).isEqualTo(before + 1);
		// The debtor downloads it from his chat.
		assertThat(mvc.perform(get("/cabinet/" + agency.tenant().id() + "/chat/attachments/" + file.get("id").asString())
			.session(signedIn(debtor))).andReturn().getResponse().getContentAsByteArray()).isEqualTo(PDF);
	}

	@Test
	void theListFiltersAsTheInboxDoesAndIsPagedWithATotal() throws Exception {
		Message waiting = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Жду ответа", null);
		Message answered = conversations.fromDebtor(agency.tenant().id(), neighbour.id(), "Вопрос", null);
		conversations.reply(agency.tenant().id(), answered.conversationId(), agency.admin().id(), "Ответ", null);
		conversations.take(agency.tenant().id(), answered.conversationId(), agency.admin().id());

		assertThat(ids("")).containsExactly(waiting.conversationId().toString(), answered.conversationId().toString());
		assertThat(ids("?waiting=true")).containsExactly(waiting.conversationId().toString());
		assertThat(ids("?unread=true")).containsExactly(waiting.conversationId().toString());
		assertThat(ids("?unread=false")).containsExactly(answered.conversationId().toString());
		assertThat(ids("?assigned=true")).containsExactly(answered.conversationId().toString());
		assertThat(ids("?assignee=" + agency.admin().id())).containsExactly(answered.conversationId().toString());
		assertThat(ids("?assigned=false")).containsExactly(waiting.conversationId().toString());
		assertThat(ids("?overdue=true")).as("waited minutes, not a working day").isEmpty();

		JsonNode first = body(api(get("/api/v1/conversations?limit=1")));
		assertThat(first.get("total").asLong()).isEqualTo(2);
		assertThat(first.get("items")).hasSize(1);
		JsonNode second = body(api(get("/api/v1/conversations?limit=1&cursor=" + first.get("nextCursor").asString())));
		assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(answered.conversationId().toString());
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(body(api(get("/api/v1/conversations?limit=1&offset=1"))).get("items").get(0).get("id").asString())
			.as("offset still works").isEqualTo(answered.conversationId().toString());
		assertThat(api(get("/api/v1/conversations?unread=maybe")).getResponse().getStatus()).isEqualTo(400);
	}

	/** The inbox's «Взять себе» and «Назначить» by API: to a user of the agency, to no one; never to a stranger. */
	@Test
	void aConversationIsAssignedAndLeftToNoOneByTheApiAsInTheInbox() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Кто мне ответит?", null);
		User operator = fixtures.manager(agency);
		String path = "/api/v1/conversations/" + question.conversationId() + "/assignee";

		MvcResult assigned = api(put(path).contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":\"" + operator.id().value() + "\"}"));
		assertThat(assigned.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(assigned).get("assigneeName").asString()).isEqualTo(operator.displayName());
		assertThat(conversation(question).assignee()).isEqualTo(operator.id());
		assertThat(ids("?assignee=" + operator.id().value())).containsExactly(question.conversationId().toString());

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		MvcResult stranger = api(put(path).contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":\"" + other.admin().id().value() + "\"}"));
		assertThat(stranger.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(stranger).get("errors").get(0).get("code").asString()).isEqualTo("user.not-found");
		assertThat(conversation(question).assignee()).isEqualTo(operator.id());

		MvcResult none = api(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"userId\":null}"));
		assertThat(none.getResponse().getStatus()).isEqualTo(200);
		assertThat(conversation(question).assignee()).isNull();
		assertThat(mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"userId\":null}")
			.header("Authorization", "Bearer " + other.apiKey().secret())).andReturn().getResponse().getStatus())
			.as("another agency's conversation").isEqualTo(404);
	}

	/**
	 * Issue 15, «Lists»: the inbox's order (waiting first, then the latest) is paged by its keys, not by position, so a
	 * debtor who writes while an integrator walks the answered conversations (his conversation comes first, ahead of
	 * the page already read) makes none of them repeat on the next page, as a position did.
	 */
	@Test
	void aConversationThatStartsWaitingBetweenTwoPagesMakesNoOtherOneRepeat() throws Exception {
		for (int i = 0; i < 3; i++) {
			Message question = conversations.fromDebtor(agency.tenant().id(), debtor("Отвеченная" + (char) ('а' + i)).id(),
					"Вопрос " + i, null);
			conversations.reply(agency.tenant().id(), question.conversationId(), agency.admin().id(), "Ответ", null);
		}
		List<String> answered = ids("?waiting=false");
		assertThat(answered).hasSize(3);

		JsonNode first = body(api(get("/api/v1/conversations?limit=2")));
		List<String> walked = new ArrayList<>();
		first.get("items").forEach(item -> walked.add(item.get("id").asString()));
		assertThat(walked).containsExactlyElementsOf(answered.subList(0, 2));
		Message meanwhile = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Я тоже жду ответа", null);
		assertThat(ids("").getFirst()).as("a waiting one comes first").isEqualTo(meanwhile.conversationId().toString());

		JsonNode second = body(api(get("/api/v1/conversations?limit=2&cursor=" + first.get("nextCursor").asString())));
		second.get("items").forEach(item -> walked.add(item.get("id").asString()));
		assertThat(walked).as("each answered conversation once, in order").containsExactlyElementsOf(answered);
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(second.get("total").asLong()).isEqualTo(4);
		assertThat(api(get("/api/v1/conversations?cursor=" + first.get("nextCursor").asString() + "x")).getResponse()
			.getStatus()).as("a cursor Kredo did not give").isEqualTo(400);
	}

	/**
	 * A page of 50 conversations, each with its debtor's name and some with an assignee's, takes as many statements as
	 * a page of 5: the names are read once per page, not once per line (an N+1 read 50 debtors' names one by one).
	 * The inbox's page is the same list.
	 */
	@Test
	void aPageOfConversationsReadsTheNamesOncePerPageNotOncePerLine() throws Exception {
		List<User> operators = List.of(fixtures.manager(agency), fixtures.manager(agency), fixtures.manager(agency));
		for (int i = 0; i < 50; i++) {
			Message question = conversations.fromDebtor(agency.tenant().id(), debtor("Должник" + (char) ('а' + i / 10) + (char) ('а' + i % 10)).id(), "Вопрос " + i,
					null);
			if (i % 2 == 0) {
				conversations.assign(agency.tenant().id(), question.conversationId(), operators.get(i % 3).id());
			}
		}

		// The key's first use does more (it records when it was last used); the pages compared are not the first.
		api(get("/api/v1/conversations?limit=1"));
		Counted<MvcResult> five = StatementCounter.count(() -> api(get("/api/v1/conversations?limit=5")));
		Counted<MvcResult> fifty = StatementCounter.count(() -> api(get("/api/v1/conversations?limit=50")));

		JsonNode page = body(fifty.result());
		assertThat(page.get("items")).hasSize(50);
		page.get("items").forEach(item -> {
			assertThat(item.get("debtorName").asString()).startsWith("Должник").endsWith(" Ольга Сергеевна");
			if (!item.get("assigneeId").isNull()) {
				assertThat(item.get("assigneeName").asString()).startsWith("Менеджер ");
			}
		});
		assertThat(page.get("items").valueStream().filter(item -> !item.get("assigneeId").isNull())).hasSize(25);
		assertThat(fifty.statements()).as("statements for 50 lines").isEqualTo(five.statements()).isLessThan(15);

		Counted<ListPage<InboxLine>> inboxOfFive = StatementCounter.count(() -> conversations.inbox(agency.tenant().id(),
				InboxFilter.ALL, agency.admin().id(), Paging.window(0, 5, 50)));
		Counted<ListPage<InboxLine>> inboxOfFifty = StatementCounter.count(() -> conversations.inbox(
				agency.tenant().id(), InboxFilter.ALL, agency.admin().id(), Paging.window(0, 50, 50)));
		assertThat(inboxOfFifty.result().items()).hasSize(50)
			.allSatisfy(line -> assertThat(line.debtorName()).startsWith("Должник"))
			.filteredOn(line -> line.conversation().assignee() != null)
			.hasSize(25).allSatisfy(line -> assertThat(line.assigneeName()).startsWith("Менеджер "));
		assertThat(inboxOfFifty.statements()).isEqualTo(inboxOfFive.statements()).isLessThanOrEqualTo(4);
	}

	@Test
	void aConversationIsReadAPageAtATimeAndEachReadIsAudited() throws Exception {
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Первое", null);
		conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Второе", null);
		conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Третье", null);
		String id = first.conversationId().toString();

		JsonNode page = body(api(get("/api/v1/conversations/{id}?limit=2", id)));
		assertThat(page.get("messages")).extracting(m -> m.get("text").asString()).containsExactly("Первое", "Второе");
		long next = page.get("nextAfter").asLong();
		JsonNode rest = body(api(get("/api/v1/conversations/{id}?limit=2&after=" + next, id)));
		assertThat(rest.get("messages")).extracting(m -> m.get("text").asString()).containsExactly("Третье");
		assertThat(rest.get("nextAfter").isNull()).isTrue();
		assertThat(rest.get("debtorName").asString()).isEqualTo("Лебедева Ольга Сергеевна");
		assertThat(audited(id)).isEqualTo(2);
		assertThat(jdbc.sql("select actor from audit_events where tenant_id = ? and object_id = ? limit 1")
			.params(agency.tenant().id().value(), id).query(String.class).single())
			.isEqualTo("api-key:" + agency.apiKey().key().id());
		// Reading does not mark it read; POST …/read does.
		assertThat(conversation(first).staffUnread()).isEqualTo(3);
		assertThat(api(post("/api/v1/conversations/{id}/read", id)).getResponse().getStatus()).isEqualTo(204);
		assertThat(conversation(first).staffUnread()).isZero();
	}

	@Test
	void anotherAgencysKeyABrokersKeyAndAnotherDebtorsFileAreNotFound() throws Exception {
		Message his = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Чек", new Upload("чек.pdf", PDF));
		Message hers = conversations.fromDebtor(agency.tenant().id(), neighbour.id(), "Вопрос", null);
		String id = his.conversationId().toString();
		String file = his.attachments().getFirst().id().toString();
		List<AbstractMockHttpServletRequestBuilder<?>> requests = List.of(
				get("/api/v1/conversations/{id}", id),
				post("/api/v1/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"),
				multipart("/api/v1/conversations/{id}/messages", id).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)),
				post("/api/v1/conversations/{id}/notes", id).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"),
				post("/api/v1/conversations/{id}/read", id),
				get("/api/v1/conversations/{id}/attachments/{file}", id, file));
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		List<String> leaks = new ArrayList<>();
		for (Provisioned stranger : List.of(other, broker)) {
			for (AbstractMockHttpServletRequestBuilder<?> request : requests) {
				MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + stranger.apiKey().secret()))
					.andReturn();
				if (result.getResponse().getStatus() != 404) {
					leaks.add(stranger.tenant().kind() + " " + result.getRequest().getMethod() + " "
							+ result.getRequest().getRequestURI() + " -> " + result.getResponse().getStatus());
				}
			}
			String list = mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + stranger.apiKey().secret()))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(list).doesNotContain(id, "Лебедева");
		}
		assertThat(leaks).isEmpty();
		assertThat(conversations.history(agency.tenant().id(), his.conversationId(), true)).hasSize(1);
		assertThat(conversation(his).staffUnread()).isEqualTo(1);

		// His file asked for through her conversation: not found, though the key is the agency's own.
		assertThat(api(get("/api/v1/conversations/{id}/attachments/{file}", hers.conversationId().toString(), file))
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(api(get("/api/v1/conversations/{id}", UUID.randomUUID().toString())).getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void theOpenApiDescribesEveryOperationWithAnExample() throws Exception {
		JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).get("paths");
		List<String> operations = new ArrayList<>();
		List<String> withoutExample = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/conversations") && !path.startsWith("/api/v1/disputes")) {
				continue;
			}
			for (String method : paths.get(path).propertyNames()) {
				operations.add(method.toUpperCase() + " " + path);
				if (!paths.get(path).get(method).get("responses").toString().contains("\"examples\"")) {
					withoutExample.add(method.toUpperCase() + " " + path);
				}
			}
		}
		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/conversations", "GET /api/v1/conversations/{id}",
				"POST /api/v1/conversations/{id}/messages", "POST /api/v1/conversations/{id}/notes",
				"POST /api/v1/conversations/{id}/read", "GET /api/v1/conversations/{id}/attachments/{attachmentId}",
				"PUT /api/v1/conversations/{id}/assignee", "POST /api/v1/conversations/{id}/offers",
				"POST /api/v1/conversations/{id}/documents",
				"GET /api/v1/disputes", "GET /api/v1/disputes/{id}", "POST /api/v1/disputes/{id}/resolution");
		assertThat(withoutExample).isEmpty();
		assertThat(paths.get("/api/v1/conversations/{id}/messages").get("post").get("requestBody").get("content")
			.propertyNames()).contains("application/json", "multipart/form-data");
		// Issue 15: the settlement offered and the document sent, as the inbox's page does them.
		assertThat(paths.get("/api/v1/conversations/{id}/offers").get("post").get("requestBody").get("content")
			.propertyNames()).containsExactly("application/json");
		assertThat(paths.get("/api/v1/conversations/{id}/documents").get("post").get("requestBody").get("content")
			.propertyNames()).containsExactly("multipart/form-data");
		assertThat(paths.get("/api/v1/conversations/{id}/documents").get("post").get("responses").propertyNames())
			.contains("201", "400", "404", "413");
	}

	private List<String> ids(String query) throws Exception {
		List<String> ids = new ArrayList<>();
		body(api(get("/api/v1/conversations" + query))).get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private MvcResult api(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + key)).andReturn();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private Conversation conversation(Message message) {
		return conversations.get(agency.tenant().id(), message.conversationId());
	}

	private Contact debtor(String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
		reachable.named(agency.tenant().id());
		reachable.awake(agency.tenant().id(), debtor.id());
		return debtor;
	}

	private MockHttpSession signedIn(Contact who) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(DEBTOR_SESSION, new SignedInDebtor(agency.tenant().id(), who.id()));
		return session;
	}

	private String page(String path, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long audited(String conversation) {
		return jdbc.sql("""
				select count(*) from audit_events where tenant_id = ? and action = 'PERSONAL_DATA_VIEWED'
				and object_type = 'conversation' and object_id = ?""")
			.params(agency.tenant().id().value(), conversation).query(Long.class).single();
	}

	private long texts() {
		return jdbc.sql("select count(*) from sms_outbox where tenant_id = ?").param(agency.tenant().id().value())
			.query(Long.class).single();
	}
}
