package ru.kredo.platform;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * So many tries per key (a login, a client address, a phone) per window, refilled gradually: a Bucket4j token bucket
 * per key, kept in PostgreSQL ({@code rate_limit_buckets}, Bucket4j's PostgreSQL integration) so that every node
 * takes from the same bucket — a guesser spreading requests over N nodes gets no more tries than on one. A bucket
 * left full for a while is forgotten ({@link RateLimits}). Made by {@link RateLimits#limiter}.
 */
public final class RateLimiter {

	private final ProxyManager<String> buckets;
	private final LimitKeys keys;
	private final String name;
	private final Supplier<BucketConfiguration> configuration;

	RateLimiter(ProxyManager<String> buckets, LimitKeys keys, String name, int capacity, Duration window) {
		this.buckets = buckets;
		this.keys = keys;
		// A bucket keeps the capacity it was made with: another capacity or window (a changed setting, another node's
		// configuration) counts in buckets of its own, never under a stranger's terms.
		this.name = name + "@" + capacity + "/" + window.toSeconds() + "s";
		BucketConfiguration config = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build();
		this.configuration = () -> config;
	}

	/** Whether the key's tries are used up for now, without taking one: for limits that count only failures. */
	public boolean exhausted(String key) {
		String id = keys.of(name, key);
		return buckets.getProxyConfiguration(id).isPresent() && buckets.getProxy(id, configuration).getAvailableTokens() < 1;
	}

	/** Takes one try for the key; false when its tries are used up. */
	public boolean tryTake(String key) {
		return buckets.getProxy(keys.of(name, key), configuration).tryConsume(1);
	}
}
