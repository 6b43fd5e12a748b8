create table signals (
    id             uuid primary key,
    tenant_id      uuid not null references tenants (id),
    watch_id       uuid not null references watches (id),
    contact_id     uuid not null references contacts (id),
    list_id        uuid references monitoring_lists (id),
    segment        text not null,
    event_type     text not null,
    priority       int not null check (priority between 1 and 5),
    event_count    int not null,
    first_event_at timestamptz not null,
    last_event_at  timestamptz not null,
    amount         numeric(18, 2),
    status         text not null check (status in ('OPEN', 'CLOSED')),
    assignee_id    uuid references users (id),
    outcome        text,
    closed_at      timestamptz,
    closed_by      uuid references users (id),
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index signals_queue_idx on signals (tenant_id, status, priority, last_event_at desc);
-- Repeats fold into the open signal of the same watch and event type.
create index signals_open_idx on signals (watch_id, event_type) where status = 'OPEN';
create index signals_list_idx on signals (tenant_id, list_id);

-- Which events a tenant's watch matched: the person's timeline, and what each signal folded.
create table signal_events (
    tenant_id  uuid not null references tenants (id),
    watch_id   uuid not null references watches (id),
    event_id   bigint not null references credit_events (id),
    signal_id  uuid not null references signals (id),
    primary key (watch_id, event_id)
);
create index signal_events_signal_idx on signal_events (signal_id);

-- A tenant's own ranking: overrides the default priority of a segment × event type.
create table signal_priorities (
    tenant_id  uuid not null references tenants (id),
    segment    text not null,
    event_type text not null,
    priority   int not null check (priority between 1 and 5),
    primary key (tenant_id, segment, event_type)
);
