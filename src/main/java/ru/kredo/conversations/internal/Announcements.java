package ru.kredo.conversations.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.conversations.MessagePosted;

/**
 * Announces each posted message to the pages watching it ({@link Topics}), and tells a debtor who is away (no chat of his open on this node) that the agency answered, through the one outbound
 * port, once per streak of unread answers: the first answer he has not read is told, the next ones are not until he
 * has read them. Sent on its own thread: a text provider's delay never holds the operator's reply.
 */
@Component
class Announcements {

	private static final Logger log = LoggerFactory.getLogger(Announcements.class);

	private final Fanout fanout;
	private final Conversations conversations;
	private final ObjectProvider<DebtorNotices> notices;
	private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

	Announcements(Fanout fanout, Conversations conversations, ObjectProvider<DebtorNotices> notices) {
		this.fanout = fanout;
		this.conversations = conversations;
		this.notices = notices;
	}

	/** After the message's commit: a page told before it could not read it yet. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted posted) {
		// Announced first, so that a page open on this node hears of it at once.
		Topics.announce(fanout, posted);
		if (posted.author() != Author.OPERATOR
				|| fanout.listeners(Topics.debtor(posted.tenantId(), posted.contactId())) > 0) {
			return;
		}
		DebtorNotices port = notices.getIfAvailable();
		if (port == null || conversations.get(posted.tenantId(), posted.conversationId()).debtorUnread() != 1) {
			return;
		}
		sending.submit(() -> {
			try {
				port.agencyAnswered(posted.tenantId(), posted.contactId());
			}
			catch (RuntimeException ex) {
				log.warn("The notice of an answer in conversation {} was not sent", posted.conversationId(), ex);
			}
		});
	}
}
