package ru.kredo.conversations.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import ru.kredo.conversations.MessagePosted;

/**
 * The fan-out within one node ({@code kredo.conversations.fanout=in-process}): a committed message is told to this
 * node's pages at once; pages open on another node hear of it at their next reload. For a database reached where
 * {@code LISTEN} does not work (a pooler in transaction mode); docs/conversations.md «Several nodes».
 */
@Component
@ConditionalOnProperty(name = "kredo.conversations.fanout", havingValue = "in-process")
class InProcessFanout implements Fanout {

	private final LocalTopics local = new LocalTopics();

	@Override
	public AutoCloseable subscribe(String topic, Runnable changed) {
		return local.add(topic, changed);
	}

	@Override
	public void committed(MessagePosted posted) {
		Topics.of(posted.tenantId(), posted.conversationId(), posted.contactId(), posted.author()).forEach(local::tell);
	}

	@Override
	public boolean watched(String topic) {
		return local.listeners(topic) > 0;
	}
}
