package ru.kredo.conversations;

import java.time.Instant;
import java.util.Objects;

import ru.kredo.accounts.UserId;
import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * One agency's conversation with one debtor.
 *
 * @param assignee the operator it is assigned to; {@code null} while unassigned
 * @param waitingSince when the debtor's oldest message not yet answered was written; {@code null} when none waits
 * @param staffUnread the debtor's messages the agency has not read
 * @param debtorUnread the agency's answers the debtor has not read
 */
public record Conversation(ConversationId id, TenantId tenantId, ContactId contactId, UserId assignee,
		Instant createdAt, Instant lastMessageAt, Instant waitingSince, int staffUnread, int debtorUnread) {

	public Conversation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(contactId, "contactId");
	}
}
