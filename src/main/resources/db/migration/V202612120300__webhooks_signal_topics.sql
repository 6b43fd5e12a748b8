-- Issue 16: signals published to Kafka for the tenants who switch it on («Сигналы в Kafka», docs/webhooks.md «Kafka»).

-- A tenant whose webhook events also go to its own topic: a row while switched on, none when off.
create table webhook_kafka_topics (
    tenant_id       uuid primary key references tenants (id),
    topic           text not null,
    switched_on_at  timestamptz not null
);

-- The outbox: one row per message and topic, written where its webhook deliveries are (in the same transaction),
-- published by a worker that claims rows with skip locked and marks them sent once the broker has acknowledged.
create table webhook_kafka_messages (
    id               bigint generated always as identity primary key,
    tenant_id        uuid not null references tenants (id),
    topic            text not null,
    -- The webhook's message id (webhook-id): a consumer de-duplicates by it.
    message_id       text not null,
    event_type       text not null,
    -- The record's key: the signal's id for a signal's events, so that one signal's events stay in order.
    record_key       text not null,
    payload          text not null,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    attempts         int not null default 0,
    last_error       text,
    sent_at          timestamptz,
    -- The listener may see the same event twice (at least once); the second insert is a no-op.
    unique (tenant_id, message_id)
);
create index webhook_kafka_messages_due_idx on webhook_kafka_messages (next_attempt_at, id) where sent_at is null;
-- An earlier unsent message of the same key holds a later one back (order per key), and is looked up here.
create index webhook_kafka_messages_key_idx on webhook_kafka_messages (tenant_id, record_key, id) where sent_at is null;
create index webhook_kafka_messages_sent_idx on webhook_kafka_messages (sent_at) where sent_at is not null;
