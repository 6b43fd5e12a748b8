package ru.kredo.conversations.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.kredo.conversations.MessagePosted;

/** The fan-out within one node: a map from topic to its listeners. */
@Component
class InProcessFanout implements Fanout {

	private static final Logger log = LoggerFactory.getLogger(InProcessFanout.class);

	private final Map<String, Set<Consumer<MessagePosted>>> topics = new ConcurrentHashMap<>();

	@Override
	public AutoCloseable subscribe(String topic, Consumer<MessagePosted> listener) {
		topics.compute(topic, (key, listeners) -> {
			Set<Consumer<MessagePosted>> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
			set.add(listener);
			return set;
		});
		return () -> topics.computeIfPresent(topic, (key, listeners) -> {
			listeners.remove(listener);
			return listeners.isEmpty() ? null : listeners;
		});
	}

	@Override
	public void publish(String topic, MessagePosted posted) {
		for (Consumer<MessagePosted> listener : topics.getOrDefault(topic, Set.of())) {
			try {
				listener.accept(posted);
			}
			catch (RuntimeException ex) {
				log.warn("A live listener of {} failed", topic, ex);
			}
		}
	}

	@Override
	public int listeners(String topic) {
		return topics.getOrDefault(topic, Set.of()).size();
	}
}
