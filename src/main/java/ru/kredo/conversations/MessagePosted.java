package ru.kredo.conversations;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/** Published after a message was committed to a conversation (internal notes too: staff pages show them live). */
public record MessagePosted(TenantId tenantId, ConversationId conversationId, ContactId contactId, long messageId,
		Author author) {
}
