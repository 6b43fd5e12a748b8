package ru.kredo.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

	@Test
	void idsAreVersion7WithTheirMillisecondFirstAndRandomBitsAfter() {
		Instant now = Instant.parse("2026-12-04T21:00:00.123Z");
		TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(now, ZoneOffset.UTC));
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			UUID id = ids.next();
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
			seen.add(id);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void aLaterMillisecondSortsAfterInPostgresqlsOrderOfUuids() {
		Instant now = Instant.parse("2026-12-04T21:00:00.123Z");
		for (int i = 0; i < 1_000; i++) {
			UUID earlier = new TimeOrderedIds(Clock.fixed(now, ZoneOffset.UTC)).next();
			UUID later = new TimeOrderedIds(Clock.fixed(now.plusMillis(1), ZoneOffset.UTC)).next();

			// PostgreSQL compares uuids as unsigned bytes, which is the order of their text.
			assertThat(later.toString()).isGreaterThan(earlier.toString());
		}
	}
}
