package ru.kredo.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantKind;

/**
 * The operators' inbox: waiting conversations with unread marks, the navbar's count, filters; a conversation with the
 * debtor's card, reply, note, take and assign (each a redirect; a refused one the page again, 422), every view audited; answers live; collection agencies
 * only, and only their own conversations and files.
 */
@IntegrationTest
class InboxIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.accounts.UserAccounts accounts;

	@Autowired
	ru.kredo.conversations.CannedReplies canned;

	/** One browser's session. */
	final org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
	Provisioned agency;
	UserDetails admin;
	User manager;
	Contact debtor;

	@BeforeEach
	void anAgencyWithADebtorWhoWrote() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		admin = fixtures.admin(agency);
		manager = fixtures.manager(agency);
		debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse("+79180000001"), null);
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-77/2021", LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("12345.67"), Money.ZERO), 400);
	}

	@Test
	void anOperatorSeesWhoWaitsAnswersAndEveryViewIsAudited() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Можно отсрочку?",
				new Upload("справка.pdf", PDF));
		String id = question.conversationId().toString();

		String inbox = page("/inbox", admin);
		assertThat(inbox).contains("Лебедева Ольга Сергеевна", "class=\"badge text-bg-primary unread\"", "id=\"inbox-unread\"",
				"sse-connect=\"/inbox/stream\"");
		assertThat(inbox).containsPattern("class=\"waiting\">\\s*<span>0 ч \\d+ мин</span>");

		String page = page("/inbox/" + id, admin);
		assertThat(page).contains("Можно отсрочку?", "справка.pdf", "КД-77/2021", "12\u00a0345,67", "Ждёт ответа 0 ч");
		assertThat(audited(id)).isEqualTo(1);
		assertThat(page("/inbox", admin)).as("read now").doesNotContain("id=\"inbox-unread\"");

		String file = "/inbox/attachments/" + question.attachments().getFirst().id();
		MvcResult download = mvc.perform(get(file).with(user(admin))).andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(audited(id)).as("opening a file is audited too").isEqualTo(2);

		assertThat(redirect(multipart("/inbox/" + id + "/reply").param("text", "Да, до 15-го"), admin))
			.isEqualTo("/inbox/" + id);
		assertThat(redirect(post("/inbox/" + id + "/note").param("text", "Обещал 15-го"), admin)).isEqualTo("/inbox/" + id);
		assertThat(conversations.history(agency.tenant().id(), question.conversationId(), true))
			.extracting(Message::author).containsExactly(Author.DEBTOR, Author.OPERATOR, Author.NOTE);
		assertThat(conversations.history(agency.tenant().id(), question.conversationId(), false))
			.extracting(Message::text).doesNotContain("Обещал 15-го");
		assertThat(page("/inbox/" + id, admin)).contains("Да, до 15-го", "Обещал 15-го", "Отвечено");
		assertThat(audited(id)).isEqualTo(3);
	}

	@Test
	void aRefusedFileInAReplyIsToldWhyAndTheTextIsKept() throws Exception {
		String id = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null).conversationId().toString();
		assertThat(refused(multipart("/inbox/" + id + "/reply")
			.file(new MockMultipartFile("file", "ответ.png", "image/png", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
			.param("text", "Смотрите вложение"), admin)).contains("Этот файл не принят", ">Смотрите вложение</textarea>");
	}

	@Test
	void takeAssignAndTheFiltersShowWhoseConversationItIs() throws Exception {
		String id = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null).conversationId().toString();
		assertThat(page("/inbox?filter=UNASSIGNED", admin)).contains("Лебедева");
		assertThat(page("/inbox?filter=MINE", admin)).doesNotContain("Лебедева");
		redirect(post("/inbox/" + id + "/take"), admin);
		assertThat(page("/inbox?filter=MINE", admin)).contains("Лебедева");
		assertThat(page("/inbox?filter=UNASSIGNED", admin)).doesNotContain("Лебедева");

		redirect(post("/inbox/" + id + "/assign").param("operator", manager.id().toString()), admin);
		Conversation assigned = conversations.find(agency.tenant().id(), debtor.id()).orElseThrow();
		assertThat(assigned.assignee()).isEqualTo(manager.id());
		assertThat(page("/inbox?filter=MINE", fixtures.signedIn(manager.email().value()))).contains("Лебедева");
		assertThat(page("/inbox", admin)).contains(manager.displayName());

		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(mvc.perform(post("/inbox/" + id + "/assign").param("operator", fixtures.manager(other).id().toString())
			.with(user(admin)).with(csrf())).andReturn().getResponse().getStatus()).as("another agency's user").isEqualTo(404);
	}

	@Test
	void theOperatorsPageHearsTheDebtorLive() throws Exception {
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Первый", null);
		MvcResult stream = mvc.perform(get("/inbox/" + first.conversationId() + "/stream")
			.param("after", Long.toString(first.id())).with(user(admin))).andReturn();
		MvcResult inbox = mvc.perform(get("/inbox/stream").with(user(admin))).andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Второй, с новостями", null);
		await().atMost(Duration.ofSeconds(10)).until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8)
			.contains("Второй, с новостями"));
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Первый");
		await().atMost(Duration.ofSeconds(10)).until(() -> inbox.getResponse().getContentAsString().contains("event:inbox"));
	}

	/**
	 * A page left open by an operator who is then disabled hears nothing more: the live connection is not a new
	 * request, so before the fix it went on sending the debtor's messages (and the agency's notes) for up to 30 minutes.
	 */
	@Test
	void aDisabledOperatorsOpenPageHearsNothingMore() throws Exception {
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Первый", null);
		UserDetails operator = fixtures.signedIn(manager.email().value());
		MvcResult stream = mvc.perform(get("/inbox/" + first.conversationId() + "/stream")
			.param("after", Long.toString(first.id())).with(user(operator))).andReturn();
		MvcResult inbox = mvc.perform(get("/inbox/stream").with(user(operator))).andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		accounts.setEnabled(agency.tenant().id(), manager.id(), false, agency.admin().id());

		conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Паспорт 4510 123456, пишу снова", null);

		await().atMost(Duration.ofSeconds(10)).until(() -> ended(stream) && ended(inbox));
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("4510");
		assertThat(inbox.getResponse().getContentAsString()).doesNotContain("event:inbox");
	}

	/** Whether the server ended the live connection (its emitter completed). */
	private static boolean ended(MvcResult result) {
		try {
			result.getAsyncResult(50);
			return true;
		}
		catch (IllegalStateException stillOpen) {
			return false;
		}
	}

	@Test
	void aCannedReplyIsFilledInForTheDebtorAtHand() throws Exception {
		String id = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Сколько я должна?", null)
			.conversationId().toString();
		assertThat(refused(post("/inbox/replies").param("title", "").param("text", "Здравствуйте"), admin))
			.contains("Название — от 1 до 100 знаков.", ">Здравствуйте</textarea>");
		redirect(post("/inbox/replies").param("title", "Сумма долга")
			.param("text", "Здравствуйте, {имя}! По договору {договор} вы должны {долг}. {нет_такого}"), admin);
		assertThat(page("/inbox/replies", admin)).contains("Сумма долга", "Шаблон добавлен");
		java.util.UUID reply = canned.all(agency.tenant().id()).getFirst().id();

		assertThat(page("/inbox/" + id + "?reply=" + reply, admin)).contains(
				">Здравствуйте, Ольга Сергеевна! По договору КД-77/2021 вы должны 12\u00a0345,67\u00a0₽. {нет_такого}</textarea>");
		assertThat(conversations.history(agency.tenant().id(), question(id), true)).as("nothing sent").hasSize(1);

		UserDetails stranger = fixtures.admin(fixtures.tenant(TenantKind.COLLECTOR));
		assertThat(status(post("/inbox/replies/" + reply + "/delete").with(csrf()), stranger)).isEqualTo(404);
		redirect(post("/inbox/replies/" + reply + "/delete"), admin);
		assertThat(canned.all(agency.tenant().id())).isEmpty();
	}

	@Test
	void theConversationIsExportedAsTheDebtorHadItAndTheExportIsAudited() throws Exception {
		Message question = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "=HYPERLINK(\"x\")",
				new Upload("чек.pdf", PDF));
		conversations.note(agency.tenant().id(), question.conversationId(), manager.id(), "Только для своих");
		conversations.reply(agency.tenant().id(), question.conversationId(), manager.id(), "Получили чек", null);
		MvcResult export = mvc.perform(get("/inbox/" + question.conversationId() + "/export.csv").with(user(admin)))
			.andReturn();
		String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Лебедева Ольга Сергеевна", "2 сообщения", "Содержит персональные данные",
				"'=HYPERLINK", "чек.pdf", "Получили чек", manager.displayName()).doesNotContain("Только для своих");
		assertThat(jdbc.sql("""
				select count(*) from audit_events where tenant_id = ? and action = 'EXPORTED' and object_id = ?""")
			.params(agency.tenant().id().value(), question.conversationId().toString()).query(Long.class).single())
			.isEqualTo(1);
	}

	private ru.kredo.conversations.ConversationId question(String id) {
		return new ru.kredo.conversations.ConversationId(java.util.UUID.fromString(id));
	}

	@Test
	void onlyCollectionAgenciesHaveAnInbox() throws Exception {
		String id = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос", null).conversationId().toString();
		UserDetails broker = fixtures.admin(fixtures.tenant(TenantKind.BROKER));
		assertThat(status(get("/inbox"), broker)).isEqualTo(404);
		assertThat(status(get("/inbox/" + id), broker)).isEqualTo(404);
		assertThat(page("/", broker)).doesNotContain("id=\"nav-inbox\"");
		assertThat(page("/", admin)).contains("id=\"nav-inbox\"");
	}

	@Test
	void aConversationWaitingPastItsFirstReplyTargetIsMarkedOverdueAndFilteredSo() throws Exception {
		Contact other = contacts.add(agency.tenant().id(), new FullName("Орлов", "Пётр", "Ильич"), LocalDate.of(1979, 2, 2),
				null, null, null, PhoneNumber.parse("+79180000002"), null);
		String late = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Ответьте же", null).conversationId()
			.toString();
		String fresh = conversations.fromDebtor(agency.tenant().id(), other.id(), "Только что написал", null)
			.conversationId().toString();
		// thirty days ago: far more than 4 h of working time, whatever today is (no holiday stretch is that long)
		jdbc.sql("update conversations set waiting_since = now() - interval '30 days' where id = ?::uuid").param(late)
			.update();

		String inbox = page("/inbox", admin);
		assertThat(row(inbox, late)).contains("data-overdue=\"true\"", "просрочено", "рабочего времени:");
		assertThat(row(inbox, fresh)).contains("data-overdue=\"false\"", "class=\"due-at\"", "рабочего времени: 0 ч")
			.doesNotContain("просрочено");
		assertThat(inbox.indexOf(late)).as("the overdue first").isLessThan(inbox.indexOf(fresh));

		String overdue = page("/inbox?filter=OVERDUE", admin);
		assertThat(overdue).contains("Лебедева", "Показано 1–1 из 1").doesNotContain("Орлов");

		assertThat(page("/inbox/" + late, admin)).containsPattern("id=\"due\"[^>]*data-overdue=\"true\"")
			.contains("Ответить до ", "просрочено");
		assertThat(page("/inbox/" + fresh, admin)).containsPattern("id=\"due\"[^>]*data-overdue=\"false\"")
			.contains("Ответить до ").doesNotContain("просрочено");

		redirect(multipart("/inbox/" + late + "/reply").param("text", "Отвечаем"), admin);
		assertThat(page("/inbox?filter=OVERDUE", admin)).as("answered, no longer overdue").doesNotContain("Лебедева");
	}

	/** The inbox's row of a conversation. */
	private static String row(String inbox, String conversation) {
		int start = inbox.indexOf("data-conversation=\"" + conversation + "\"");
		assertThat(start).as("listed").isNotNegative();
		return inbox.substring(start, inbox.indexOf("</tr>", start));
	}

	private long audited(String conversation) {
		return jdbc.sql("""
				select count(*) from audit_events where tenant_id = ? and object_type = 'conversation' and object_id = ?
				and action = 'PERSONAL_DATA_VIEWED'""")
			.params(agency.tenant().id().value(), conversation).query(Long.class).single();
	}

	private String redirect(AbstractMockHttpServletRequestBuilder<?> form, UserDetails who) throws Exception {
		MvcResult result = mvc.perform(form.session(session).with(user(who)).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	/** A refused form: the same page again (422), with the reason and what was typed. */
	private String refused(AbstractMockHttpServletRequestBuilder<?> form, UserDetails who) throws Exception {
		MvcResult result = mvc.perform(form.session(session).with(user(who)).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(String path, UserDetails who) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session).with(user(who))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(AbstractMockHttpServletRequestBuilder<?> request, UserDetails who) throws Exception {
		return mvc.perform(request.with(user(who))).andReturn().getResponse().getStatus();
	}
}
