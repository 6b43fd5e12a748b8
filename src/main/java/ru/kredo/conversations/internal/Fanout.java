package ru.kredo.conversations.internal;

import java.util.function.Consumer;

import ru.kredo.conversations.MessagePosted;

/**
 * Carries a posted message to whoever watches a topic (a conversation, a debtor's chat, an agency's inbox). In process
 * today ({@link InProcessFanout}): pages connected to another node hear nothing until issue 16 puts a shared channel
 * (PostgreSQL {@code LISTEN/NOTIFY}, a broker) behind this interface.
 */
public interface Fanout {

	/** Starts delivering the topic's messages to the listener, until the returned handle is closed. */
	AutoCloseable subscribe(String topic, Consumer<MessagePosted> listener);

	/** Hands the message to every listener of the topic; listeners must not block (they queue their own work). */
	void publish(String topic, MessagePosted posted);

	/** How many listeners the topic has on this node. */
	int listeners(String topic);
}
