package ru.kredo.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security wraps each of its filters, and each authentication and authorization, in a Micrometer observation
 * whenever an observation registry exists. {@code management.observations.enable.spring.security: false} turns those
 * observations into no-ops but leaves the wrappers: a JFR profile of the cabinet's home page under load still found
 * ~4% of the JVM's samples in them. This setting keeps Spring Security from decorating the chain at all;
 * {@code http.server.requests} (one timer per request, on /actuator/prometheus) is not affected.
 */
@Configuration(proxyBeanMethods = false)
class NoSecurityObservations {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}
}
