package ru.kredo.conversations;

import java.time.Instant;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Published, in the transaction that writes it, when a message was posted to a conversation (internal notes too:
 * staff pages show them live); listeners act after the commit.
 *
 * @param at when it was written
 */
public record MessagePosted(TenantId tenantId, ConversationId conversationId, ContactId contactId, long messageId,
		Author author, Instant at) {
}
