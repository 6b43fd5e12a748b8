package ru.kredo.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * A conversation, its messages and their files younger than three years are kept whatever deletes them (docs/retention.md):
 * a statement on any of the three tables, a TRUNCATE, the debtor's or the agency's deletion — each refused with the
 * reason, and everything still there; three years on they may go.
 */
@IntegrationTest
class ConversationRetentionIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Provisioned agency;
	Contact debtor;
	Message message;

	@BeforeEach
	void aDebtorWhoWroteWithAFile() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse("+79180000003"), null);
		message = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Квитанция об оплате",
				new Upload("квитанция.pdf", PDF));
	}

	@Test
	void noDeletePathRemovesAYoungConversation() {
		UUID conversation = message.conversationId().value();
		for (String delete : new String[] {
				"delete from conversation_attachments where conversation_id = ?",
				"delete from conversation_messages where conversation_id = ?",
				"delete from conversations where id = ?" }) {
			assertThatThrownBy(() -> jdbc.sql(delete).param(conversation).update()).as(delete)
				.hasMessageContaining("conversation.retention").hasMessageContaining("не меньше трёх лет");
		}
		// The debtor deleted (a 152-ФЗ erasure, a portfolio that no longer has him) or the agency: still kept.
		assertThatThrownBy(() -> jdbc.sql("delete from contacts where id = ?").param(debtor.id().value()).update());
		assertThatThrownBy(() -> jdbc.sql("delete from tenants where id = ?").param(agency.tenant().id().value()).update());
		// Emptied at once: refused too (in a transaction rolled back whatever happens).
		for (String table : new String[] { "conversation_attachments", "conversation_messages", "conversations" }) {
			assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
				status.setRollbackOnly();
				jdbc.sql("truncate " + table + " cascade").update();
			})).as(table).hasMessageContaining("conversation.retention");
		}
		assertThat(kept(conversation)).containsExactly(1L, 1L, 1L);
	}

	@Test
	void threeYearsOnTheyMayBeDeleted() {
		UUID conversation = message.conversationId().value();
		jdbc.sql("update conversation_messages set created_at = now() - interval '3 years 1 day' where conversation_id = ?")
			.param(conversation).update();
		// Its last message is old, but not the conversation's own last word yet: kept until that too is three years old.
		assertThatThrownBy(() -> jdbc.sql("delete from conversations where id = ?").param(conversation).update())
			.hasMessageContaining("conversation.retention");
		jdbc.sql("update conversations set last_message_at = now() - interval '3 years 1 day' where id = ?")
			.param(conversation).update();

		jdbc.sql("delete from conversation_attachments where conversation_id = ?").param(conversation).update();
		jdbc.sql("delete from conversation_messages where conversation_id = ?").param(conversation).update();
		jdbc.sql("delete from conversations where id = ?").param(conversation).update();
		assertThat(kept(conversation)).containsExactly(0L, 0L, 0L);
	}

	@Autowired
	DisputeFiles disputeFiles;

	@Autowired
	ru.kredo.collections.Debts debts;

	@Test
	void aDisputesFilesAreKeptAsTheConversationIs() {
		ru.kredo.collections.Debt debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-1",
				LocalDate.of(2021, 1, 1), null, ru.kredo.collections.DebtComponents.of(ru.kredo.money.Money.ZERO,
						ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ZERO, ru.kredo.money.Money.ofRoubles("1000.00"),
						ru.kredo.money.Money.ZERO), 100);
		UUID dispute = disputeFiles.open(agency.tenant().id(), debtor.id(), debt.id(),
				ru.kredo.collections.DisputeReason.ALREADY_PAID, "Оплачено", java.util.List.of(new Upload("чек.pdf", PDF)))
			.id();
		assertThatThrownBy(() -> jdbc.sql("delete from dispute_attachments where dispute_id = ?").param(dispute).update())
			.hasMessageContaining("conversation.retention");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("truncate dispute_attachments").update();
		})).hasMessageContaining("conversation.retention");
		jdbc.sql("update dispute_attachments set created_at = now() - interval '3 years 1 day' where dispute_id = ?")
			.param(dispute).update();
		assertThat(jdbc.sql("delete from dispute_attachments where dispute_id = ?").param(dispute).update()).isEqualTo(1);
	}

	private java.util.List<Long> kept(UUID conversation) {
		return java.util.List.of(
				jdbc.sql("select count(*) from conversations where id = ?").param(conversation).query(Long.class).single(),
				jdbc.sql("select count(*) from conversation_messages where conversation_id = ?").param(conversation)
					.query(Long.class).single(),
				jdbc.sql("select count(*) from conversation_attachments where conversation_id = ?").param(conversation)
					.query(Long.class).single());
	}
}
