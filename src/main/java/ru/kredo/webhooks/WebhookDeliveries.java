package ru.kredo.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.platform.Cursor;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;
import ru.kredo.webhooks.internal.SignalTopicOutbox;
import ru.kredo.webhooks.internal.WebhookPayloads;

/** Queues messages for a tenant's endpoints and reads the delivery log. Sending is the dispatcher's job. */
@Service
public class WebhookDeliveries {

	private static final String COLUMNS = """
			d.id, d.tenant_id, d.endpoint_id, d.message_id, d.event_type, d.payload, d.status, d.next_attempt_at,
			d.created_at, d.delivered_at""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final WebhookEndpoints endpoints;
	private final WebhookPayloads payloads;
	private final SignalTopicOutbox topics;

	WebhookDeliveries(JdbcClient jdbc, Clock clock, WebhookEndpoints endpoints, WebhookPayloads payloads,
			SignalTopicOutbox topics) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.endpoints = endpoints;
		this.payloads = payloads;
		this.topics = topics;
	}

	/**
	 * One pending delivery per enabled endpoint of each message's tenant that receives {@code eventType} (its event
	 * filter: none chosen, or this type among them), in one statement; a message already queued for an endpoint is
	 * kept, so a listener that runs twice queues nothing twice. In the same transaction, each message of a tenant with
	 * «Сигналы в Kafka» on is queued for its topic ({@link SignalTopics}), whatever its endpoints receive.
	 *
	 * @return how many deliveries were queued (to endpoints; the topic's messages not counted)
	 */
	@Transactional
	public int enqueue(String eventType, List<Message> messages) {
		if (messages.isEmpty()) {
			return 0;
		}
		int n = messages.size();
		UUID[] tenants = new UUID[n];
		String[] ids = new String[n];
		String[] bodies = new String[n];
		String[] keys = new String[n];
		for (int i = 0; i < n; i++) {
			tenants[i] = messages.get(i).tenant().value();
			ids[i] = messages.get(i).messageId();
			bodies[i] = messages.get(i).payload();
			keys[i] = messages.get(i).key();
		}
		Instant at = clock.instant();
		Timestamp now = Timestamp.from(at);
		topics.enqueue(eventType, tenants, ids, keys, bodies, at);
		return jdbc.sql("""
				insert into webhook_deliveries (id, tenant_id, endpoint_id, message_id, event_type, payload, status,
				    next_attempt_at, created_at)
				select gen_random_uuid(), e.tenant_id, e.id, m.id, ?, m.payload, 'PENDING', ?, ?
				from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as m(tenant_id, id, payload, position)
				join webhook_endpoints e on e.tenant_id = m.tenant_id and e.enabled
				    and (e.event_types is null or ? = any (e.event_types))
				order by m.position
				on conflict (endpoint_id, message_id) do nothing""")
			.params(eventType, now, now, tenants, ids, bodies, eventType)
			.update();
	}

	/**
	 * Which of these tenants have an enabled endpoint that receives {@code eventType}, or «Сигналы в Kafka» on: a
	 * batch's signals need payloads (JSON, each a few hundred bytes) only for them.
	 */
	public Set<TenantId> listening(String eventType, Collection<TenantId> tenants) {
		if (tenants.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select tenant_id from webhook_endpoints where enabled and tenant_id = any(?)
				and (event_types is null or ? = any (event_types))
				union select tenant_id from webhook_kafka_topics where tenant_id = any(?)""")
			.params(tenants.stream().map(TenantId::value).distinct().toArray(UUID[]::new), eventType,
					tenants.stream().map(TenantId::value).distinct().toArray(UUID[]::new))
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.list());
	}

	/**
	 * Which of these tenants have an enabled endpoint at all, whatever it receives, or «Сигналы в Kafka» on; a listener
	 * should ask
	 * {@link #listening(String, Collection)} with its event type, so that no payload is built for nobody.
	 */
	public Set<TenantId> listening(Collection<TenantId> tenants) {
		if (tenants.isEmpty()) {
			return Set.of();
		}
		UUID[] ids = tenants.stream().map(TenantId::value).distinct().toArray(UUID[]::new);
		return Set.copyOf(jdbc.sql("""
				select tenant_id from webhook_endpoints where enabled and tenant_id = any(?)
				union select tenant_id from webhook_kafka_topics where tenant_id = any(?)""")
			.params(ids, ids)
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.list());
	}

	/**
	 * A message for a tenant's endpoints (and its topic, {@link SignalTopics}).
	 *
	 * @param key the topic record's key: the signal's id for a signal's events, so that they stay in order
	 */
	public record Message(TenantId tenant, String messageId, String payload, String key) {

		/** A message keyed by its own id. */
		public Message(TenantId tenant, String messageId, String payload) {
			this(tenant, messageId, payload, messageId);
		}
	}

	/** Queues a {@code webhook.test} message for one endpoint, so the admin can check the CRM's side. */
	@Transactional
	public WebhookDeliveryId sendTest(TenantId tenant, WebhookEndpointId endpointId) {
		endpoints.get(tenant, endpointId);
		WebhookDeliveryId id = new WebhookDeliveryId(UUID.randomUUID());
		Instant now = clock.instant();
		jdbc.sql("""
				insert into webhook_deliveries (id, tenant_id, endpoint_id, message_id, event_type, payload, status,
				    next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(id.value(), tenant.value(), endpointId.value(), WebhookPayloads.newMessageId(), WebhookPayloads.TEST,
					payloads.test(endpointId, now), Timestamp.from(now), Timestamp.from(now))
			.update();
		return id;
	}

	/** Sends the same message (same {@code webhook-id}) again, with a fresh retry schedule. */
	@Transactional
	public WebhookDelivery redeliver(TenantId tenant, WebhookDeliveryId id) {
		get(tenant, id);
		jdbc.sql("""
				update webhook_deliveries set status = 'PENDING', round_attempts = 0, next_attempt_at = ?,
				delivered_at = null where tenant_id = ? and id = ?""")
			.params(Timestamp.from(clock.instant()), tenant.value(), id.value())
			.update();
		return get(tenant, id);
	}

	public WebhookDelivery get(TenantId tenant, WebhookDeliveryId id) {
		return withAttempts(tenant, jdbc.sql("select " + COLUMNS + " from webhook_deliveries d where d.tenant_id = ? and d.id = ?")
			.params(tenant.value(), id.value())
			.query(WebhookDeliveries::delivery)
			.list()).stream().findFirst().orElseThrow(() -> new NotFound("webhook.delivery-not-found", id));
	}

	/** The endpoint's latest deliveries, newest first, each with its attempts. */
	public List<WebhookDelivery> latest(TenantId tenant, WebhookEndpointId endpoint, int limit) {
		return withAttempts(tenant, jdbc.sql("select " + COLUMNS + """
				 from webhook_deliveries d where d.tenant_id = ? and d.endpoint_id = ?
				order by d.created_at desc, d.id limit ?""")
			.params(tenant.value(), endpoint.value(), limit)
			.query(WebhookDeliveries::delivery)
			.list());
	}

	/** An endpoint's deliveries a page at a time, newest first. */
	public List<WebhookDelivery> page(TenantId tenant, WebhookEndpointId endpoint, int offset, int limit) {
		return withAttempts(tenant, jdbc.sql("select " + COLUMNS + """
				 from webhook_deliveries d where d.tenant_id = ? and d.endpoint_id = ?
				order by d.created_at desc, d.id offset ? limit ?""")
			.params(tenant.value(), endpoint.value(), offset, limit)
			.query(WebhookDeliveries::delivery)
			.list());
	}

	/**
	 * An endpoint's deliveries after {@code after} (newest first; {@code null}: from the newest), at most
	 * {@code limit}, each with its attempts.
	 */
	public List<WebhookDelivery> page(TenantId tenant, WebhookEndpointId endpoint, Cursor after, int limit) {
		Timestamp at = after == null ? null : Timestamp.from(after.at());
		return withAttempts(tenant, jdbc.sql("select " + COLUMNS + """
				 from webhook_deliveries d where d.tenant_id = ? and d.endpoint_id = ?
				and (?::timestamptz is null or d.created_at < ? or (d.created_at = ? and d.id > ?))
				order by d.created_at desc, d.id limit ?""")
			.params(tenant.value(), endpoint.value(), at, at, at, after == null ? null : after.id(), limit)
			.query(WebhookDeliveries::delivery)
			.list());
	}

	/** How many deliveries an endpoint has had. */
	public long count(TenantId tenant, WebhookEndpointId endpoint) {
		return jdbc.sql("select count(*) from webhook_deliveries where tenant_id = ? and endpoint_id = ?")
			.params(tenant.value(), endpoint.value())
			.query(Long.class)
			.single();
	}

	private List<WebhookDelivery> withAttempts(TenantId tenant, List<WebhookDelivery> deliveries) {
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<UUID, List<WebhookAttempt>> attempts = new LinkedHashMap<>();
		deliveries.forEach(d -> attempts.put(d.id().value(), new ArrayList<>()));
		jdbc.sql("""
				select delivery_id, attempted_at, status_code, error, duration_ms, response_snippet from webhook_attempts
				where tenant_id = ? and delivery_id = any (?) order by attempted_at, id""")
			.params(tenant.value(), attempts.keySet().toArray(UUID[]::new))
			.query(row -> {
				attempts.get(row.getObject("delivery_id", UUID.class)).add(attempt(row));
			});
		return deliveries.stream()
			.map(d -> new WebhookDelivery(d.id(), d.tenantId(), d.endpointId(), d.messageId(), d.eventType(), d.payload(),
					d.status(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), attempts.get(d.id().value())))
			.toList();
	}

	private static WebhookAttempt attempt(ResultSet row) throws SQLException {
		return new WebhookAttempt(row.getTimestamp("attempted_at").toInstant(), row.getObject("status_code", Integer.class),
				row.getString("error"), row.getLong("duration_ms"), row.getString("response_snippet"));
	}

	private static WebhookDelivery delivery(ResultSet row, int rowNumber) throws SQLException {
		return new WebhookDelivery(new WebhookDeliveryId(row.getObject("id", UUID.class)),
				new TenantId(row.getObject("tenant_id", UUID.class)),
				new WebhookEndpointId(row.getObject("endpoint_id", UUID.class)), row.getString("message_id"),
				row.getString("event_type"), row.getString("payload"), DeliveryStatus.valueOf(row.getString("status")),
				WebhookEndpoints.instant(row, "next_attempt_at"), row.getTimestamp("created_at").toInstant(),
				WebhookEndpoints.instant(row, "delivered_at"), List.of());
	}
}
