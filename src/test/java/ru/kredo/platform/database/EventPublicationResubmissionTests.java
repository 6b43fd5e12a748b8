package ru.kredo.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** When an incomplete event publication is due to run again: after the wait, then twice as long each try, at most 6 h. */
class EventPublicationResubmissionTests {

	static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	final EventPublicationResubmission rule = new EventPublicationResubmission(null, null, null, Duration.ofMinutes(10));

	@Test
	void aPublicationIsDueOnceItHasWaitedSinceItWasStored() {
		// As Spring Modulith stores one: its first run is attempt 1, its last resubmission its publication.
		assertThat(rule.due(publication(NOW.minusSeconds(30), NOW.minusSeconds(30), 1), NOW)).as("a live node runs it")
			.isFalse();
		assertThat(rule.due(publication(NOW.minusSeconds(601), NOW.minusSeconds(601), 1), NOW)).isTrue();
	}

	@Test
	void eachResubmissionDoublesTheWaitUpToSixHours() {
		Instant stored = NOW.minus(Duration.ofDays(2));
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofMinutes(15)), 2), NOW)).as("20 min after one")
			.isFalse();
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofMinutes(21)), 2), NOW)).isTrue();
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofMinutes(35)), 3), NOW)).as("40 min after two")
			.isFalse();
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofMinutes(41)), 3), NOW)).isTrue();
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofHours(5)), 30), NOW)).as("at most 6 h").isFalse();
		assertThat(rule.due(publication(stored, NOW.minus(Duration.ofHours(7)), 30), NOW)).isTrue();
	}

	@Test
	void aCompletedOneNever() {
		EventPublication done = new Stub(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)), 1, NOW);
		assertThat(rule.due(done, NOW)).isFalse();
	}

	static EventPublication publication(Instant stored, Instant lastResubmission, int attempts) {
		return new Stub(stored, lastResubmission, attempts, null);
	}

	record Stub(Instant stored, Instant lastResubmission, int attempts, Instant completed) implements EventPublication {

		@Override
		public UUID getIdentifier() {
			return UUID.nameUUIDFromBytes(stored.toString().getBytes());
		}

		@Override
		public Object getEvent() {
			return "event";
		}

		@Override
		public Instant getPublicationDate() {
			return stored;
		}

		@Override
		public Optional<Instant> getCompletionDate() {
			return Optional.ofNullable(completed);
		}

		@Override
		public Status getStatus() {
			return completed == null ? Status.FAILED : Status.COMPLETED;
		}

		@Override
		public Instant getLastResubmissionDate() {
			return lastResubmission;
		}

		@Override
		public int getCompletionAttempts() {
			return attempts;
		}
	}
}
