package ru.kredo.signals.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Signals are created in time order
 * by the ten thousand, and their ids are keys of two indexes (signals' and signal_events'): ids that grow with time
 * go to the right-hand pages of each index, where random ones went to a page anywhere. As hard to guess as a random
 * UUID within its millisecond; access is checked by tenant, never by the id's secrecy.
 */
final class TimeOrderedIds {

	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	TimeOrderedIds(Clock clock) {
		this.clock = clock;
	}

	UUID next() {
		long millis = clock.millis();
		long randomHigh = random.nextLong();
		long randomLow = random.nextLong();
		long mostSignificant = millis << 16 | 0x7000L | randomHigh & 0x0FFFL;
		long leastSignificant = randomLow & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
		return new UUID(mostSignificant, leastSignificant);
	}
}
