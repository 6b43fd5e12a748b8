package ru.kredo.docrequests;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.contacts.ContactId;

/**
 * A PDF the agency gave the debtor: the answer to one of his requests, or sent from the conversation.
 *
 * @param source {@code REQUEST} or {@code CONVERSATION}
 * @param title what the operator called it; for an answer ({@code REQUEST}), the {@link DocumentType}'s name, which pages
 *        word in the reader's language
 */
public record DebtorDocument(UUID id, ContactId contactId, String source, String title, String fileName, int size,
		Instant createdAt) {

	@Override
	public String toString() {
		return "DebtorDocument[" + id + ", " + source + "]";
	}
}
