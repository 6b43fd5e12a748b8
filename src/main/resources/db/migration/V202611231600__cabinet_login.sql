-- A sign-in attempt to an agency's cabinet. Made for every attempt, a debtor found or not, so that nothing a guest can
-- observe differs; contact_id is null when nobody matched. The code is kept only as a keyed hash.
create table cabinet_challenges (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id),
    contact_id   uuid references contacts (id),
    phone_index  bytea not null,
    code_hash    bytea not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    attempts     int not null default 0,
    confirmed_at timestamptz
);
create index cabinet_challenges_phone_idx on cabinet_challenges (tenant_id, phone_index, created_at desc);

-- Messages Kredo would send, when no SMS gateway is configured (development and the demo).
create table sms_outbox (
    id         bigint generated always as identity primary key,
    tenant_id  uuid not null references tenants (id),
    phone      bytea not null,
    text       bytea not null,
    created_at timestamptz not null
);
create index sms_outbox_tenant_idx on sms_outbox (tenant_id, created_at desc);

-- The cabinet's funnel, first-party: an anonymous cookie id per visitor, one row per step reached.
create table cabinet_funnel (
    tenant_id  uuid not null references tenants (id),
    visitor    uuid not null,
    step       text not null,
    at         timestamptz not null,
    primary key (tenant_id, visitor, step)
);
create index cabinet_funnel_step_idx on cabinet_funnel (tenant_id, step);
