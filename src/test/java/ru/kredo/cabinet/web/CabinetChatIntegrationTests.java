package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.Conversation;
import ru.kredo.conversations.ConversationLimits;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.Message;
import ru.kredo.conversations.Upload;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's chat in his cabinet: he writes by a plain form (post, redirect, get), sees the whole history and how
 * many answers he has not read from every page, gets answers live, is told why a file was refused with his text kept,
 * and reaches only his own files; a debtor away gets one text when the agency answers.
 */
@IntegrationTest
class CabinetChatIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

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
	PersonalData personalData;

	Provisioned agency;
	String chat;
	Contact debtor;
	Contact neighbour;
	User operator;

	@BeforeEach
	void anAgencyAndTwoOfItsDebtors() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		chat = "/cabinet/" + agency.tenant().id() + "/chat";
		debtor = debtor(agency, "Лебедева");
		neighbour = debtor(agency, "Соседова");
		operator = fixtures.manager(agency);
	}

	Contact debtor(Provisioned tenant, String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(tenant.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
		reachable.named(tenant.tenant().id());
		reachable.awake(tenant.tenant().id(), debtor.id());
		return debtor;
	}

	MockHttpSession signedIn(Provisioned tenant, Contact who) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignedInDebtors.ATTRIBUTE, new SignedInDebtor(tenant.tenant().id(), who.id()));
		return session;
	}

	@Test
	void theDebtorWritesByAPlainFormAndSeesTheAnswersUnreadFromEveryPage() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		assertThat(page(chat, session)).contains("Сообщений пока нет", "name=\"text\"", "enctype=\"multipart/form-data\"");

		assertThat(send(post(chat).param("text", "Можно рассрочку на полгода?"), session)).isEqualTo(chat);
		assertThat(page(chat, session)).contains("Можно рассрочку на полгода?").doesNotContain("Сообщений пока нет");

		Conversation his = conversations.find(agency.tenant().id(), debtor.id()).orElseThrow();
		conversations.note(agency.tenant().id(), his.id(), operator.id(), "Внутренняя заметка: проверить доход");
		conversations.reply(agency.tenant().id(), his.id(), operator.id(), "Да, пришлите справку о доходах", null);
		String home = page("/cabinet/" + agency.tenant().id() + "/home", session);
		assertThat(home).contains("id=\"chat-link\"", "Чат: 1 непрочитанный ответ", "id=\"chat-unread\"");

		String read = page(chat, session);
		assertThat(read).contains("Да, пришлите справку о доходах").doesNotContain("Внутренняя заметка");
		assertThat(read).as("read now").doesNotContain("id=\"chat-unread\"");
		assertThat(conversations.unreadForDebtor(agency.tenant().id(), debtor.id())).isZero();
	}

	@Test
	void aRefusedFileIsToldWhyAndTheTextTypedIsKept() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		MockMultipartFile disguised = new MockMultipartFile("file", "квитанция.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(send(multipart(chat).file(disguised).param("text", "Вот квитанция об оплате"), session)).isEqualTo(chat);
		String refused = page(chat, session);
		assertThat(refused).contains("Этот файл не принят: подходят только PDF, JPEG и PNG",
				">Вот квитанция об оплате</textarea>");
		assertThat(conversations.find(agency.tenant().id(), debtor.id())).as("nothing was kept").isEmpty();

		MockMultipartFile large = new MockMultipartFile("file", "скан.pdf", "application/pdf",
				java.util.Arrays.copyOf(PDF, (int) limits.maxAttachmentSize().toBytes() + 1));
		send(multipart(chat).file(large).param("text", "Скан паспорта"), session);
		assertThat(page(chat, session)).contains("Файл слишком большой: не больше 64 КБ", ">Скан паспорта</textarea>");

		// A body over what the form may carry is refused before it is parsed, with the same reason.
		send(post(chat).contentType("multipart/form-data; boundary=x")
			.content(new byte[(int) limits.maxFormBytes() + 1]), session);
		assertThat(page(chat, session)).contains("Файл слишком большой: не больше");

		MockMultipartFile receipt = new MockMultipartFile("file", "чек.pdf", "text/plain", PDF);
		send(multipart(chat).file(receipt).param("text", ""), session);
		assertThat(page(chat, session)).contains("чек.pdf", "PDF, 1 КБ");
		MockMultipartFile none = new MockMultipartFile("file", "", "application/octet-stream", new byte[0]);
		send(multipart(chat).file(none).param("text", "Без файла"), session);
		assertThat(page(chat, session)).contains("Без файла");
	}

	@Test
	void aFileIsHisAndHisAgencysOnly() throws Exception {
		Message his = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "чек", new Upload("чек.pdf", PDF));
		String file = chat + "/attachments/" + his.attachments().getFirst().id();

		MvcResult own = mvc.perform(get(file).session(signedIn(agency, debtor))).andReturn();
		assertThat(own.getResponse().getStatus()).isEqualTo(200);
		assertThat(own.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(own.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(own.getResponse().getContentType()).isEqualTo("application/pdf");

		assertThat(status(get(file).session(signedIn(agency, neighbour)))).as("another debtor of the agency").isEqualTo(404);
		assertThat(status(get(file))).as("no one signed in").isEqualTo(404);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		Contact stranger = debtor(other, "Чужова");
		String elsewhere = "/cabinet/" + other.tenant().id() + "/chat/attachments/" + his.attachments().getFirst().id();
		assertThat(status(get(elsewhere).session(signedIn(other, stranger)))).as("another agency's cabinet").isEqualTo(404);
		assertThat(status(get(file).session(signedIn(other, stranger)))).as("signed in elsewhere").isEqualTo(404);

		// The neighbour's chat shows none of it.
		assertThat(page(chat, signedIn(agency, neighbour))).doesNotContain("чек.pdf").contains("Сообщений пока нет");
		// A broker has no cabinet: its address is a 404.
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		assertThat(status(get("/cabinet/" + broker.tenant().id() + "/chat").session(signedIn(broker, debtor))))
			.isEqualTo(404);
	}

	@Test
	void anAnswerArrivesLiveOnTheOpenPageAndAnAwayDebtorIsTextedOnce() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Когда придёт ответ?", null);
		MvcResult stream = mvc.perform(get(chat + "/stream").param("after", Long.toString(first.id())).session(session))
			.andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		conversations.reply(agency.tenant().id(), first.conversationId(), operator.id(), "Уже отвечаем", null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("Уже отвечаем"));
		String events = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(events).contains("event:message").doesNotContain("Когда придёт ответ?");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> conversations.unreadForDebtor(agency.tenant().id(), debtor.id()) == 0);
		assertThat(texts()).as("he was there: no text").isZero();

		// Away (no page of his open), two answers: one text, with the link to his chat.
		Message hers = conversations.fromDebtor(agency.tenant().id(), neighbour.id(), "Перезвоните мне", null);
		conversations.reply(agency.tenant().id(), hers.conversationId(), operator.id(), "Вы здесь?", null);
		conversations.reply(agency.tenant().id(), hers.conversationId(), operator.id(), "Ждём ответа", null);
		await().atMost(Duration.ofSeconds(10)).until(() -> texts() >= 1);
		// And no second one follows: still one text half a second later.
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> texts() == 1);
		String text = personalData.open("sms_outbox.text", new Sealed(jdbc.sql(
				"select text from sms_outbox where tenant_id = ? order by id desc limit 1")
			.param(agency.tenant().id().value()).query(byte[].class).single()));
		assertThat(text).contains("«" + agency.tenant().name() + "» ответило вам", chat);
	}

	/**
	 * «Выйти» ends the open chat page's live connection: on a shared phone the next person would otherwise read the
	 * agency's answers to him for as long as the stream lived (it was checked once, when it opened).
	 */
	@Test
	void aDebtorWhoSignedOutHearsNothingMoreOnHisOpenChat() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		Message first = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Можно отсрочку?", null);
		MvcResult stream = mvc.perform(get(chat + "/stream").param("after", Long.toString(first.id())).session(session))
			.andReturn();
		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		conversations.reply(agency.tenant().id(), first.conversationId(), operator.id(), "Рассмотрим", null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("Рассмотрим"));

		assertThat(send(post("/cabinet/" + agency.tenant().id() + "/sign-out"), session))
			.isEqualTo("/cabinet/" + agency.tenant().id());
		conversations.reply(agency.tenant().id(), first.conversationId(), operator.id(), "Долг 48 000 ₽, пени растут", null);

		await().atMost(Duration.ofSeconds(10)).until(() -> ended(stream));
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("48 000");
		assertThat(conversations.unreadForDebtor(agency.tenant().id(), debtor.id())).as("not delivered, so unread")
			.isEqualTo(1);
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
	void aSessionHoldsAFewLiveConnectionsAtMostAndAChunkedBodyIsRefusedUnread() throws Exception {
		MockHttpSession session = signedIn(agency, debtor);
		for (int open = 0; open < limits.maxStreamsPerSession(); open++) {
			assertThat(mvc.perform(get(chat + "/stream").session(session)).andReturn().getRequest().isAsyncStarted()).isTrue();
		}
		assertThat(status(get(chat + "/stream").session(session))).as("one more in the same session").isEqualTo(429);
		assertThat(mvc.perform(get(chat + "/stream").session(signedIn(agency, neighbour))).andReturn().getRequest()
			.isAsyncStarted()).as("another session is counted apart").isTrue();

		send(post(chat).header("Transfer-Encoding", "chunked").contentType("multipart/form-data; boundary=x"), session);
		assertThat(page(chat, session)).contains("Файл слишком большой");
	}

	private long texts() {
		return jdbc.sql("select count(*) from sms_outbox where tenant_id = ?").param(agency.tenant().id().value())
			.query(Long.class).single();
	}

	private String send(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> form, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(form.session(session).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private String page(String path, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}
}
