package ru.kredo.conversations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.kredo.conversations.Author;
import ru.kredo.conversations.Conversations;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.conversations.MessagePosted;

/**
 * Announces each posted message to the pages watching it ({@link Fanout}), and tells a debtor who is away (no chat of
 * his open, on any node the fan-out knows of) that the agency answered, through the one outbound port, once per streak
 * of unread answers: the first answer he has not read is told, the next ones are not until he has read them. Each
 * answer is told at most once, however often it is announced (an event publication resubmitted): the text is claimed
 * on the message's row first. Sent on its own thread: a text provider's delay never holds the operator's reply.
 */
@Component
class Announcements {

	private static final Logger log = LoggerFactory.getLogger(Announcements.class);

	private final Fanout fanout;
	private final Conversations conversations;
	private final ObjectProvider<DebtorNotices> notices;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

	Announcements(Fanout fanout, Conversations conversations, ObjectProvider<DebtorNotices> notices, JdbcClient jdbc,
			Clock clock) {
		this.fanout = fanout;
		this.conversations = conversations;
		this.notices = notices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** After the message's commit: a page told before it could not read it yet. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(MessagePosted posted) {
		// Announced first, so that a page open on this node hears of it at once.
		fanout.committed(posted);
		if (posted.author() != Author.OPERATOR || fanout.watched(Topics.debtor(posted.tenantId(), posted.contactId()))) {
			return;
		}
		DebtorNotices port = notices.getIfAvailable();
		if (port == null || conversations.get(posted.tenantId(), posted.conversationId()).debtorUnread() != 1) {
			return;
		}
		sending.submit(() -> {
			try {
				if (claimed(posted)) {
					port.agencyAnswered(posted.tenantId(), posted.contactId());
				}
			}
			catch (RuntimeException ex) {
				log.warn("The notice of an answer in conversation {} was not sent", posted.conversationId(), ex);
			}
		});
	}

	/** Whether this call is the one that tells the debtor of this answer (a second delivery finds it told). */
	private boolean claimed(MessagePosted posted) {
		return jdbc.sql("""
				update conversation_messages set debtor_told_at = ?
				where tenant_id = ? and id = ? and debtor_told_at is null""")
			.params(Timestamp.from(clock.instant()), posted.tenantId().value(), posted.messageId())
			.update() == 1;
	}
}
