package ru.kredo.conversations.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pages open on this node, by topic: whom to tell when a topic has news. */
final class LocalTopics {

	private static final Logger log = LoggerFactory.getLogger(LocalTopics.class);

	private final Map<String, Set<Runnable>> topics = new ConcurrentHashMap<>();

	AutoCloseable add(String topic, Runnable changed) {
		topics.compute(topic, (key, listeners) -> {
			Set<Runnable> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
			set.add(changed);
			return set;
		});
		return () -> topics.computeIfPresent(topic, (key, listeners) -> {
			listeners.remove(changed);
			return listeners.isEmpty() ? null : listeners;
		});
	}

	void tell(String topic) {
		for (Runnable listener : topics.getOrDefault(topic, Set.of())) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.warn("A live listener of {} failed", topic, ex);
			}
		}
	}

	/** Every open page looks again: after a time in which news may have been missed. */
	int tellAll() {
		int told = 0;
		for (String topic : topics.keySet()) {
			tell(topic);
			told++;
		}
		return told;
	}

	int listeners(String topic) {
		return topics.getOrDefault(topic, Set.of()).size();
	}
}
