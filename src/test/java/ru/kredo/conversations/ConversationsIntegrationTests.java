package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.accounts.User;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Paging;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantKind;

/**
 * A conversation as the service keeps it: unread counts and waiting time on both sides, notes the debtor never sees,
 * text and files sealed, files checked by content and size, and nothing of one agency's or one debtor's reachable
 * through another.
 */
@IntegrationTest
class ConversationsIntegrationTests {

	/** The smallest files each type is recognised by. */
	static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

	@Autowired
	Conversations conversations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	Contact debtor;
	Contact neighbour;
	User operator;

	@BeforeEach
	void anAgencyWithTwoDebtors() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtor = debtor(agency, "Лебедева");
		neighbour = debtor(agency, "Соседова");
		operator = fixtures.manager(agency);
	}

	Contact debtor(Provisioned tenant, String lastName) {
		return contacts.add(tenant.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"),
				java.time.LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse("+79180000000"), null);
	}

	@Test
	void unreadCountsAndWaitingFollowWhoWroteLastAndWhoRead() {
		var tenant = agency.tenant().id();
		assertThat(conversations.find(tenant, debtor.id())).as("none until he writes").isEmpty();
		assertThat(conversations.unreadForDebtor(tenant, debtor.id())).isZero();

		Message first = conversations.fromDebtor(tenant, debtor.id(), "  Здравствуйте, можно рассрочку?  ", null);
		conversations.fromDebtor(tenant, debtor.id(), "Зарплата 15-го", null);
		Conversation waiting = conversations.find(tenant, debtor.id()).orElseThrow();
		assertThat(first.text()).isEqualTo("Здравствуйте, можно рассрочку?");
		assertThat(waiting.staffUnread()).isEqualTo(2);
		assertThat(waiting.waitingSince()).as("since his oldest unanswered message").isEqualTo(first.at());
		assertThat(conversations.unreadForStaff(tenant)).isEqualTo(1);

		conversations.note(tenant, waiting.id(), operator.id(), "Проверить доход");
		assertThat(conversations.get(tenant, waiting.id()).waitingSince()).as("a note answers nothing").isNotNull();
		conversations.readByStaff(tenant, waiting.id());
		assertThat(conversations.unreadForStaff(tenant)).isZero();

		conversations.reply(tenant, waiting.id(), operator.id(), "Да, напишите сумму", null);
		conversations.reply(tenant, waiting.id(), operator.id(), "И срок", null);
		Conversation answered = conversations.get(tenant, waiting.id());
		assertThat(answered.waitingSince()).isNull();
		assertThat(conversations.unreadForDebtor(tenant, debtor.id())).isEqualTo(2);
		assertThat(conversations.history(tenant, waiting.id(), false)).extracting(Message::text)
			.containsExactly("Здравствуйте, можно рассрочку?", "Зарплата 15-го", "Да, напишите сумму", "И срок");
		assertThat(conversations.history(tenant, waiting.id(), true)).extracting(Message::author)
			.containsExactly(Author.DEBTOR, Author.DEBTOR, Author.NOTE, Author.OPERATOR, Author.OPERATOR);
		conversations.readByDebtor(tenant, debtor.id());
		assertThat(conversations.unreadForDebtor(tenant, debtor.id())).isZero();

		byte[] stored = jdbc.sql("select text from conversation_messages where id = ?").param(first.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).as("sealed at rest").doesNotContain("рассрочку");
	}

	@Test
	void theInboxListsWaitingConversationsFirstAndFiltersByAssignee() {
		var tenant = agency.tenant().id();
		conversations.fromDebtor(tenant, debtor.id(), "Первый", null);
		conversations.fromDebtor(tenant, neighbour.id(), "Второй", null);
		Conversation other = conversations.find(tenant, neighbour.id()).orElseThrow();
		Conversation first = conversations.find(tenant, debtor.id()).orElseThrow();
		conversations.reply(tenant, other.id(), operator.id(), "Ответ", null);
		conversations.take(tenant, other.id(), operator.id());

		var all = conversations.inbox(tenant, InboxFilter.ALL, operator.id(), Paging.page(0, 50));
		assertThat(all.total()).isEqualTo(2);
		assertThat(all.items()).extracting(line -> line.conversation().id()).containsExactly(first.id(), other.id());
		assertThat(all.items().getFirst().debtorName()).startsWith("Лебедева");
		assertThat(conversations.inbox(tenant, InboxFilter.MINE, operator.id(), Paging.page(0, 50)).items())
			.extracting(line -> line.conversation().id()).containsExactly(other.id());
		assertThat(conversations.inbox(tenant, InboxFilter.MINE, operator.id(), Paging.page(0, 50)).items().getFirst()
			.assigneeName()).isEqualTo(operator.displayName());
		assertThat(conversations.inbox(tenant, InboxFilter.UNASSIGNED, operator.id(), Paging.page(0, 50)).items())
			.extracting(line -> line.conversation().id()).containsExactly(first.id());
	}

	@Test
	void filesAreTakenByTheirContentAndSizeAndStoredSealed() {
		var tenant = agency.tenant().id();
		Message pdf = conversations.fromDebtor(tenant, debtor.id(), "", new Upload("C:\\Users\\me\\чек.png", PDF));
		assertThat(pdf.attachments()).singleElement().satisfies(file -> {
			assertThat(file.type()).as("by content, not by name").isEqualTo(FileType.PDF);
			assertThat(file.fileName()).isEqualTo("чек.png");
		});
		assertThat(conversations.fromDebtor(tenant, debtor.id(), "фото", new Upload("a.pdf", JPEG)).attachments()
			.getFirst().type()).isEqualTo(FileType.JPEG);
		assertThat(conversations.fromDebtor(tenant, debtor.id(), "", new Upload("b", PNG)).attachments().getFirst()
			.type()).isEqualTo(FileType.PNG);
		AttachmentFile opened = conversations.attachmentOf(tenant, debtor.id(), pdf.attachments().getFirst().id());
		assertThat(opened.content()).isEqualTo(PDF);
		byte[] stored = jdbc.sql("select content from conversation_attachments where id = ?")
			.param(pdf.attachments().getFirst().id().value()).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed at rest").doesNotContain("%PDF");

		assertRefused(() -> conversations.fromDebtor(tenant, debtor.id(), "скрипт",
				new Upload("receipt.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))),
				"chat.attachment-type");
		assertRefused(() -> conversations.fromDebtor(tenant, debtor.id(), "пусто", new Upload("x.pdf", new byte[0])),
				"chat.attachment-empty");
		byte[] large = Arrays.copyOf(PDF, (int) conversations.limits().maxAttachmentSize().toBytes() + 1);
		assertRefused(() -> conversations.fromDebtor(tenant, debtor.id(), "большой", new Upload("big.pdf", large)),
				"chat.attachment-too-large-kb");
		assertRefused(() -> conversations.fromDebtor(tenant, debtor.id(), "   ", null), "chat.message-empty");
		assertRefused(() -> conversations.fromDebtor(tenant, debtor.id(),
				"я".repeat(conversations.limits().maxMessageLength() + 1), null), "chat.message-too-long");
		assertThat(conversations.history(tenant, pdf.conversationId(), true)).as("nothing refused was kept").hasSize(3);
	}

	@Test
	void nothingOfOneDebtorOrAgencyIsReachableThroughAnother() {
		var tenant = agency.tenant().id();
		Message his = conversations.fromDebtor(tenant, debtor.id(), "мой чек", new Upload("чек.pdf", PDF));
		AttachmentId file = his.attachments().getFirst().id();
		Message note = conversations.note(tenant, his.conversationId(), operator.id(), "заметка");
		assertThat(note.attachments()).isEmpty();

		assertThatThrownBy(() -> conversations.attachmentOf(tenant, neighbour.id(), file)).isInstanceOf(NotFound.class);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		var otherTenant = other.tenant().id();
		assertThatThrownBy(() -> conversations.attachment(otherTenant, file)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> conversations.attachmentOf(otherTenant, debtor.id(), file)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> conversations.get(otherTenant, his.conversationId())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> conversations.reply(otherTenant, his.conversationId(), fixtures.manager(other).id(), "x",
				null)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> conversations.assign(tenant, his.conversationId(), fixtures.manager(other).id()))
			.as("another agency's operator").isInstanceOf(NotFound.class);
		assertThat(conversations.history(otherTenant, his.conversationId(), true)).isEmpty();
		assertThat(conversations.find(tenant, neighbour.id())).isEmpty();
	}

	private static void assertRefused(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).code())
			.isEqualTo(code);
	}
}
