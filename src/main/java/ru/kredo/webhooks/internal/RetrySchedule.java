package ru.kredo.webhooks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a delivery again, as the Standard Webhooks specification recommends: at once, then after 5 seconds,
 * 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours and 10 hours — eight attempts over about 27.5 hours, so a CRM
 * that is down for a whole day still gets every signal.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

	private RetrySchedule() {
	}

	/** The next attempt after {@code attemptsMade} attempts of a round, the last of which failed at {@code failedAt}. */
	static Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
		if (attemptsMade < 1 || attemptsMade >= DELAYS.size()) {
			return Optional.empty();
		}
		return Optional.of(failedAt.plus(DELAYS.get(attemptsMade)));
	}

	static Duration span() {
		return DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
	}
}
