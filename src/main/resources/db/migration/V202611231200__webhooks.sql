-- Where a tenant's CRM receives signals. The secret signs deliveries (Standard Webhooks) and is shown to the admin,
-- so it is stored as issued, not hashed.
create table webhook_endpoints (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    url             text not null,
    description     text not null,
    secret          text not null,
    enabled         boolean not null,
    disabled_reason text check (disabled_reason in ('BY_ADMIN', 'FAILING')),
    disabled_at     timestamptz,
    -- The first failed attempt since the last success (or since it was enabled); drives the disabling rule.
    failing_since   timestamptz,
    created_at      timestamptz not null
);
create index webhook_endpoints_tenant_idx on webhook_endpoints (tenant_id, created_at);

-- One message to one endpoint. The payload is stored as sent, so every retry carries the same bytes and message id.
create table webhook_deliveries (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    endpoint_id     uuid not null references webhook_endpoints (id),
    message_id      text not null,
    event_type      text not null,
    payload         text not null,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    -- Attempts made in the current round of the retry schedule; a manual re-delivery starts a new round.
    round_attempts  int not null default 0,
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    -- The listener may see the same event twice (at-least-once); the second insert is a no-op.
    unique (endpoint_id, message_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_endpoint_idx on webhook_deliveries (tenant_id, endpoint_id, created_at desc);

create table webhook_attempts (
    id               bigint generated always as identity primary key,
    tenant_id        uuid not null references tenants (id),
    delivery_id      uuid not null references webhook_deliveries (id),
    attempted_at     timestamptz not null,
    status_code      int,
    error            text,
    duration_ms      int not null,
    response_snippet text
);
create index webhook_attempts_delivery_idx on webhook_attempts (tenant_id, delivery_id, attempted_at);
