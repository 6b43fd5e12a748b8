package ru.kredo.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Sessions of one Kredo process in its own memory ({@code kredo.sessions.store=memory}, the default): the same Spring
 * Session filter and cookie as with the database, only the store differs. With several nodes set
 * {@code kredo.sessions.store=database}: then this backs off and Spring Boot keeps the sessions in PostgreSQL (Spring
 * Session JDBC), so any node serves any request — at a price one process need not pay: a read and a write of the
 * session's row with every request, measured at about half the cabinet's pages a second on two cores
 * ({@code docs/scaling.md}, {@code docs/bench/cabinet-main-page.md}). A session unused for the timeout is forgotten.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kredo.sessions.store", havingValue = "memory", matchIfMissing = true)
@EnableSpringHttpSession
class MemorySessions {

	@Bean
	MapSessionRepository sessionRepository(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		// Saved with every request that touched it (its last access changes), so a write's age is its idleness.
		ConcurrentMap<String, Session> sessions = Caffeine.newBuilder().expireAfterWrite(timeout)
			.<String, Session>build().asMap();
		MapSessionRepository repository = new MapSessionRepository(sessions);
		repository.setDefaultMaxInactiveInterval(timeout);
		return repository;
	}
}
