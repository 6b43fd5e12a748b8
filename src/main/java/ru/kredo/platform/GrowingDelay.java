package ru.kredo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failures per key (a login, a login from one address, a login from one known browser) and the wait they impose: the
 * first {@code free} failures cost nothing, then each further try waits {@code first}, doubled with every failure, up
 * to {@code max}, counted from the last failure. Never a lock: the wait always ends, so whoever provokes it cannot
 * shut the key's owner out for good, while guessing stays bounded (about one try per {@code max}). A key with no
 * failure for {@code forgetAfter} starts afresh; a success may {@link #reset} it. In memory: each instance counts its own.
 */
public final class GrowingDelay {

	private final int free;
	private final Duration first;
	private final Duration max;
	private final Clock clock;
	private final Cache<String, Failures> failures;

	public GrowingDelay(int free, Duration first, Duration max, Duration forgetAfter, Clock clock) {
		this.free = free;
		this.first = first;
		this.max = max;
		this.clock = clock;
		this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(forgetAfter).build();
	}

	/** How long the key must still wait before its next try; zero when it may try now. */
	public Duration waitFor(String key) {
		Failures known = failures.getIfPresent(key);
		if (known == null || known.count() < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(known.count() - free, 30);
		Duration delay = first.multipliedBy(1L << doublings);
		if (delay.compareTo(max) > 0) {
			delay = max;
		}
		Duration left = Duration.between(clock.instant(), known.last().plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	public void failed(String key) {
		Instant now = clock.instant();
		failures.asMap().merge(key, new Failures(1, now), (was, one) -> new Failures(was.count() + 1, now));
	}

	public void reset(String key) {
		failures.invalidate(key);
	}

	private record Failures(int count, Instant last) {
	}
}
