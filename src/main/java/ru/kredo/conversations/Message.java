package ru.kredo.conversations;

import java.time.Instant;
import java.util.List;

import ru.kredo.accounts.UserId;

/**
 * A message in a conversation.
 *
 * @param id its place in the conversation (ids grow with time)
 * @param userId the operator who wrote it; {@code null} for the debtor's
 * @param operatorName the operator's name, for staff; {@code null} for the debtor's
 */
public record Message(long id, ConversationId conversationId, Author author, UserId userId, String operatorName,
		String text, Instant at, List<Attachment> attachments) {

	public Message {
		attachments = List.copyOf(attachments);
	}

	@Override
	public String toString() {
		return "Message[" + id + ", " + author + "]";
	}
}
