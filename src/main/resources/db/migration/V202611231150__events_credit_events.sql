-- Credit events as the bureaus deliver them. Not tenant-owned: one event may concern watches of many tenants, who
-- see it only through their own matches (signal_events). The subject is sealed; blind indexes find it.
create table credit_events (
    id              bigint generated always as identity primary key,
    source          text not null,
    source_event_id text not null,
    type            text not null,
    rutdf_code      text not null,
    occurred_at     timestamptz not null,
    received_at     timestamptz not null,
    passport_index  bytea,
    name_dob_index  bytea not null,
    subject         bytea not null,
    lender_kind     text,
    amount          numeric(18, 2),
    days_past_due   int,
    -- Delivery is at least once: the same (source, event id) is the same event.
    unique (source, source_event_id)
);
