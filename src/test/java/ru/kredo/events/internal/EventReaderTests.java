package ru.kredo.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class EventReaderTests {

	@Test
	void aTimeWithoutZoneIsMoscowTimeAndAnOffsetIsHonoured() {
		assertThat(EventReader.instant("2026-11-20T10:00:00")).isEqualTo(Instant.parse("2026-11-20T07:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00+05:00")).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00-0100")).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
		assertThat(EventReader.instant("2026-11-20T10:00:00Z")).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
		assertThat(EventReader.instant("20.11.2026")).isEqualTo(Instant.parse("2026-11-19T21:00:00Z"));
	}

	@Test
	void recognisesAZoneOffsetExactlyAsItsPatternDoes() {
		Pattern offset = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");
		String alphabet = "0123456789+-:TZ ";
		Random random = new Random(7);
		for (int n = 0; n < 200_000; n++) {
			StringBuilder value = new StringBuilder();
			for (int i = random.nextInt(9); i > 0; i--) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(EventReader.hasZoneOffset(value.toString())).as(value.toString())
				.isEqualTo(offset.matcher(value).matches());
		}
	}
}
