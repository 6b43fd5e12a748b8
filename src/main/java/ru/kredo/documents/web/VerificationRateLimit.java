package ru.kredo.documents.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps anyone from walking the code space: each client address gets a few certificate checks per window. Honest
 * use is a handful of checks; with 2^60 codes, even a botnet gets nowhere at this rate.
 */
@Component
class VerificationRateLimit {

	private final int perAddress;
	private final Duration window;
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();
	private final Counter refused;

	VerificationRateLimit(@Value("${kredo.verify.per-address:20}") int perAddress,
			@Value("${kredo.verify.window:10m}") Duration window, MeterRegistry meters) {
		this.perAddress = perAddress;
		this.window = window;
		this.refused = Counter.builder("kredo.verify.refused")
			.description("Certificate checks refused by the rate limit")
			.register(meters);
	}

	/** Takes one check from this address's allowance; false when it is spent. */
	boolean tryCheck(String address) {
		boolean allowed = buckets.get(address, a -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, window).build())
			.build()).tryConsume(1);
		if (!allowed) {
			refused.increment();
		}
		return allowed;
	}
}
