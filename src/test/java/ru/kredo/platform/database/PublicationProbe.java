package ru.kredo.platform.database;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener like the modules' own ({@code @ApplicationModuleListener}: after the commit, on its own thread, through
 * the event publication registry) that counts its runs per probe, over every application context of the test JVM,
 * and can be told to fail or to take its time.
 */
@Component
public class PublicationProbe {

	/** Published by a test; nothing else listens. */
	public record Probed(UUID id) {
	}

	private static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();
	private static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();
	private static final Map<UUID, Duration> SLOW = new ConcurrentHashMap<>();

	public static int runs(UUID id) {
		return RUNS.getOrDefault(id, new AtomicInteger()).get();
	}

	/** Its runs fail (the publication stays incomplete) until {@link #works}. */
	public static void fails(UUID id) {
		FAILING.add(id);
	}

	public static void works(UUID id) {
		FAILING.remove(id);
	}

	/** Each run takes this long. */
	public static void takes(UUID id, Duration time) {
		SLOW.put(id, time);
	}

	@ApplicationModuleListener
	void on(Probed probed) throws InterruptedException {
		RUNS.computeIfAbsent(probed.id(), id -> new AtomicInteger()).incrementAndGet();
		Duration time = SLOW.get(probed.id());
		if (time != null) {
			Thread.sleep(time);
		}
		if (FAILING.contains(probed.id())) {
			throw new IllegalStateException("failing on purpose");
		}
	}
}
