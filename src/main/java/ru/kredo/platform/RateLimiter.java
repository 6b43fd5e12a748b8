package ru.kredo.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * So many tries per key (a login, a client address, a phone) per window, refilled gradually (Bucket4j); keys unused
 * for a window are forgotten. In memory: each Kredo instance counts its own.
 */
public final class RateLimiter {

	private final int capacity;
	private final Duration window;
	private final Cache<String, Bucket> buckets;

	public RateLimiter(int capacity, Duration window) {
		this.capacity = capacity;
		this.window = window;
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.plusMinutes(1)).build();
	}

	/** Whether the key's tries are used up for now, without taking one: for limits that count only failures. */
	public boolean exhausted(String key) {
		Bucket bucket = buckets.getIfPresent(key);
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	/** Takes one try for the key; false when its tries are used up. */
	public boolean tryTake(String key) {
		return buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build()).tryConsume(1);
	}
}
