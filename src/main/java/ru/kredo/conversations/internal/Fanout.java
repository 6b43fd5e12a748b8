package ru.kredo.conversations.internal;

import ru.kredo.conversations.MessagePosted;

/**
 * Tells the pages watching a topic (a conversation, a debtor's chat, an agency's inbox; {@link Topics}) that it may
 * have news; a page then reads what it has not shown from the database, so nothing but "look again" travels. Two
 * kinds, one setting ({@code kredo.conversations.fanout}, docs/conversations.md «Several nodes»): in process
 * ({@link InProcessFanout}, one node's pages), or through PostgreSQL's {@code LISTEN/NOTIFY} ({@link PostgresFanout},
 * every node's pages).
 */
public interface Fanout {

	/** Calls {@code changed} whenever the topic may have news, until the returned handle is closed; it must not block. */
	AutoCloseable subscribe(String topic, Runnable changed);

	/**
	 * After the message's commit, on the node that wrote it. The in-process fan-out tells this node's pages now; the
	 * PostgreSQL one sent its notification in the writing transaction and does nothing here.
	 */
	void committed(MessagePosted posted);

	/** Whether a page watches the topic: on this node, or (the PostgreSQL fan-out) on any node. */
	boolean watched(String topic);
}
