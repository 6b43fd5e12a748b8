package ru.kredo.documents.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.platform.RateLimiter;
import ru.kredo.platform.RateLimits;

/**
 * Keeps anyone from walking the code space: each client address gets a few certificate checks per window, counted
 * for all nodes together ({@link RateLimits}). Honest use is a handful of checks; with 2^60 codes, even a botnet gets
 * nowhere at this rate.
 */
@Component
class VerificationRateLimit {

	private final RateLimiter perAddress;
	private final Counter refused;

	VerificationRateLimit(@Value("${kredo.verify.per-address:20}") int perAddress,
			@Value("${kredo.verify.window:10m}") Duration window, RateLimits limits, MeterRegistry meters) {
		this.perAddress = limits.limiter("verify.address", perAddress, window);
		this.refused = Counter.builder("kredo.verify.refused")
			.description("Certificate checks refused by the rate limit")
			.register(meters);
	}

	/** Takes one check from this address's allowance; false when it is spent. */
	boolean tryCheck(String address) {
		boolean allowed = perAddress.tryTake(address);
		if (!allowed) {
			refused.increment();
		}
		return allowed;
	}
}
