package ru.kredo.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.IntegrationTest;

/**
 * The fan-out is a lifecycle bean, and a lifecycle bean may be stopped and started again: the test framework pauses the
 * contexts it caches and restarts them when a class needs one again. A start after a stop once failed (its presence
 * executor had been shut down for good), and every later test class on that context with it.
 */
@IntegrationTest
class PostgresFanoutRestartIntegrationTests {

	@Autowired
	PostgresFanout fanout;

	@Test
	void aStoppedFanoutStartsAgainAndListens() {
		int opened = fanout.connections();

		fanout.stop();
		assertThat(fanout.isRunning()).isFalse();
		fanout.start();

		assertThat(fanout.isRunning()).isTrue();
		// The new listening thread opens its connection again.
		await().atMost(Duration.ofSeconds(10)).until(() -> fanout.connections() > opened);
	}
}
