package ru.kredo.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time comes from one injected {@link Clock}, so date rules can be tested. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** Ticks in microseconds, PostgreSQL's precision, so an instant reads back equal to what was written. */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}
}
