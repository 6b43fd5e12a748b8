package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DisablingRuleTests {

	private final DisablingRule rule = new DisablingRule(Duration.ofHours(24));
	private final Instant firstFailure = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void disablesAnEndpointThatHasFailedForMoreThanADay() {
		assertThat(rule.disables(firstFailure, firstFailure.plus(Duration.ofHours(24)).plusSeconds(1))).isTrue();
	}

	@Test
	void keepsAnEndpointThatHasFailedForADayOrLess() {
		assertThat(rule.disables(firstFailure, firstFailure.plus(Duration.ofHours(24)))).isFalse();
		assertThat(rule.disables(firstFailure, firstFailure.plus(Duration.ofMinutes(5)))).isFalse();
	}

	@Test
	void keepsAnEndpointWhoseLastAttemptSucceeded() {
		assertThat(rule.disables(null, firstFailure.plus(Duration.ofDays(30)))).isFalse();
	}
}
