package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTests {

	private static final Instant FAILED_AT = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void backsOffFromSecondsToHoursAsTheSpecificationRecommends() {
		assertThat(RetrySchedule.nextAttempt(1, FAILED_AT)).contains(FAILED_AT.plusSeconds(5));
		assertThat(RetrySchedule.nextAttempt(2, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(5)));
		assertThat(RetrySchedule.nextAttempt(3, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(30)));
		assertThat(RetrySchedule.nextAttempt(4, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofHours(2)));
		assertThat(RetrySchedule.nextAttempt(5, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofHours(5)));
		assertThat(RetrySchedule.nextAttempt(6, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofHours(10)));
		assertThat(RetrySchedule.nextAttempt(7, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofHours(10)));
	}

	@Test
	void givesUpAfterTheEighthAttempt() {
		assertThat(RetrySchedule.nextAttempt(8, FAILED_AT)).isEmpty();
	}

	@Test
	void keepsTryingForMoreThanADaySoACrmDownForADayMissesNothing() {
		assertThat(RetrySchedule.span()).isGreaterThan(Duration.ofHours(24))
			.isEqualTo(Duration.ofHours(27).plusMinutes(35).plusSeconds(5));
	}
}
