package ru.kredo.webhooks.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of «Сигналы в Kafka» ({@code webhook_kafka_messages}): a message is queued for the tenant's topic where
 * its webhook deliveries are queued, in the same transaction, and {@link SignalTopicPublisher} claims, publishes and
 * marks it sent. A row is due once its key has no earlier unsent message, so one signal's events reach the topic in the
 * order they happened, whichever node publishes them.
 */
@Component
public class SignalTopicOutbox {

	/** Longer than one batch's sends can take (the producer's max.block.ms plus delivery.timeout.ms). */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	SignalTopicOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues each message for its tenant's topic if the tenant has «Сигналы в Kafka» on, in one statement; a message
	 * already queued is kept. Returns how many were queued.
	 */
	public int enqueue(String eventType, UUID[] tenants, String[] messageIds, String[] keys, String[] payloads,
			Instant now) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql("""
				insert into webhook_kafka_messages (tenant_id, topic, message_id, event_type, record_key, payload,
				    created_at, next_attempt_at)
				select t.tenant_id, t.topic, m.id, ?, m.record_key, m.payload, ?, ?
				from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) with ordinality
				    as m(tenant_id, id, record_key, payload, position)
				join webhook_kafka_topics t on t.tenant_id = m.tenant_id
				order by m.position
				on conflict (tenant_id, message_id) do nothing""")
			.params(eventType, at, at, tenants, messageIds, keys, payloads)
			.update();
	}

	/** A message claimed for publishing. */
	record Outgoing(long id, UUID tenantId, String topic, String messageId, String eventType, String key,
			String payload) {
	}

	/**
	 * Up to {@code limit} due messages, each the earliest unsent one of its key, leased for {@link #LEASE} so that
	 * another node skips them; a lease that runs out (a node died mid-send) makes them due again.
	 */
	@Transactional
	public List<Outgoing> claim(Instant now, int limit) {
		List<Outgoing> due = jdbc.sql("""
				select m.id, m.tenant_id, m.topic, m.message_id, m.event_type, m.record_key, m.payload
				from webhook_kafka_messages m
				where m.sent_at is null and m.next_attempt_at <= ?
				    and not exists (select 1 from webhook_kafka_messages e where e.tenant_id = m.tenant_id
				        and e.record_key = m.record_key and e.sent_at is null and e.id < m.id)
				order by m.next_attempt_at, m.id limit ? for update of m skip locked""")
			.params(Timestamp.from(now), limit)
			.query((row, n) -> new Outgoing(row.getLong("id"), row.getObject("tenant_id", UUID.class),
					row.getString("topic"), row.getString("message_id"), row.getString("event_type"),
					row.getString("record_key"), row.getString("payload")))
			.list();
		if (!due.isEmpty()) {
			jdbc.sql("update webhook_kafka_messages set next_attempt_at = ? where id = any(?)")
				.params(Timestamp.from(now.plus(LEASE)), due.stream().map(Outgoing::id).toArray(Long[]::new))
				.update();
		}
		return due;
	}

	/** The broker acknowledged these (acks=all): they are never published again by Kredo. */
	public void sent(List<Long> ids, Instant now) {
		if (!ids.isEmpty()) {
			jdbc.sql("update webhook_kafka_messages set sent_at = ?, attempts = attempts + 1, last_error = null where id = any(?)")
				.params(Timestamp.from(now), ids.toArray(Long[]::new))
				.update();
		}
	}

	/** Not acknowledged: due again at {@code next}, with why. */
	public void failed(List<Long> ids, Instant next, String error) {
		if (!ids.isEmpty()) {
			jdbc.sql("""
					update webhook_kafka_messages set next_attempt_at = ?, attempts = attempts + 1, last_error = ?
					where id = any(?)""")
				.params(Timestamp.from(next), error == null ? null : error.substring(0, Math.min(error.length(), 500)),
						ids.toArray(Long[]::new))
				.update();
		}
	}

	/** Forgets messages sent before {@code before}; returns how many. */
	public int purgeSent(Instant before) {
		return jdbc.sql("delete from webhook_kafka_messages where sent_at < ?").param(Timestamp.from(before)).update();
	}

}
