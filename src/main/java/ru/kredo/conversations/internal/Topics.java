package ru.kredo.conversations.internal;

import java.util.List;

import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.Author;
import ru.kredo.conversations.ConversationId;
import ru.kredo.tenancy.TenantId;

/** The topics a posted message is announced on. Ids only: a topic's name goes into the database and notifications. */
public final class Topics {

	private Topics() {
	}

	/** Staff watching one conversation: every message, notes too. */
	public static String conversation(ConversationId id) {
		return "conversation:" + id.value();
	}

	/** The debtor's own chat (his conversation may not exist yet when he opens it): what he may see. */
	public static String debtor(TenantId tenant, ContactId debtor) {
		return "debtor:" + tenant.value() + ":" + debtor.value();
	}

	/** An agency's inbox: that something changed. */
	public static String inbox(TenantId tenant) {
		return "inbox:" + tenant.value();
	}

	/** Each topic that should hear of a message of this author in this conversation. */
	public static List<String> of(TenantId tenant, ConversationId conversation, ContactId debtor, Author author) {
		return author.debtorSees() ? List.of(conversation(conversation), debtor(tenant, debtor), inbox(tenant))
				: List.of(conversation(conversation), inbox(tenant));
	}
}
