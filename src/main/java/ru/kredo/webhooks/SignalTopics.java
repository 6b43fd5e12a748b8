package ru.kredo.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.internal.SignalTopicAdmin;

/**
 * «Сигналы в Kafka» (issue 16, {@code docs/webhooks.md} «Kafka»): a tenant's admin switches it on, and from then on
 * every webhook message the tenant would receive is also published to the tenant's own topic
 * ({@code kredo.webhooks.kafka.topic-prefix} + the tenant's id, so that a Kafka ACL can give each tenant only its own).
 * Offered only where Kafka is configured; elsewhere switching it on is refused ({@link SignalTopicUnavailable}).
 */
@Service
public class SignalTopics {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final boolean available;
	private final String prefix;
	private final ObjectProvider<SignalTopicAdmin> admin;

	SignalTopics(JdbcClient jdbc, Clock clock, @Value("${spring.kafka.bootstrap-servers:}") String brokers,
			@Value("${kredo.webhooks.kafka.topic-prefix:kredo.signals.}") String prefix,
			ObjectProvider<SignalTopicAdmin> admin) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.available = !brokers.isBlank();
		this.prefix = prefix;
		this.admin = admin;
	}

	/** Whether Kafka is configured here, so that the switch is offered at all. */
	public boolean available() {
		return available;
	}

	public SignalTopic of(TenantId tenant) {
		Optional<Instant> on = jdbc.sql("select switched_on_at from webhook_kafka_topics where tenant_id = ?")
			.param(tenant.value())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		return new SignalTopic(available, on.isPresent(), topicOf(tenant), on.orElse(null));
	}

	/**
	 * Switches it on or off; returns whether that changed anything. Switched on, the topic is made when the brokers let
	 * a client make it (else it must exist beforehand); messages queued while it was on are published even after it is
	 * switched off.
	 */
	@Transactional
	public boolean switchTo(TenantId tenant, boolean enabled) {
		if (!available) {
			throw new SignalTopicUnavailable();
		}
		if (!enabled) {
			return jdbc.sql("delete from webhook_kafka_topics where tenant_id = ?").param(tenant.value()).update() > 0;
		}
		String topic = topicOf(tenant);
		boolean changed = jdbc.sql("""
				insert into webhook_kafka_topics (tenant_id, topic, switched_on_at) values (?, ?, ?)
				on conflict (tenant_id) do nothing""")
			.params(tenant.value(), topic, Timestamp.from(clock.instant()))
			.update() > 0;
		if (changed) {
			admin.ifAvailable(a -> a.create(topic));
		}
		return changed;
	}

	/** The tenant's topic; Kafka allows letters, digits, '.', '_' and '-', which a prefix and a UUID are. */
	public String topicOf(TenantId tenant) {
		return prefix + tenant.value();
	}
}
