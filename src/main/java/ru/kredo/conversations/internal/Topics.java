package ru.kredo.conversations.internal;

import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.MessagePosted;
import ru.kredo.tenancy.TenantId;

/** The topics a posted message is announced on. */
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

	/** Announces the message on each topic that should hear of it. */
	public static void announce(Fanout fanout, MessagePosted posted) {
		fanout.publish(conversation(posted.conversationId()), posted);
		if (posted.author().debtorSees()) {
			fanout.publish(debtor(posted.tenantId(), posted.contactId()), posted);
		}
		fanout.publish(inbox(posted.tenantId()), posted);
	}
}
