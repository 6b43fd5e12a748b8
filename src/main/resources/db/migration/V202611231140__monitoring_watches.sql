-- A named uploaded list of people to watch (mass monitoring); individual watches have none.
create table monitoring_lists (
    id          uuid primary key,
    tenant_id   uuid not null references tenants (id),
    name        text not null,
    created_at  timestamptz not null,
    unique (tenant_id, name)
);

create table watches (
    id                    uuid primary key,
    tenant_id             uuid not null references tenants (id),
    contact_id            uuid not null references contacts (id),
    list_id               uuid references monitoring_lists (id),
    segment               text not null,
    starts_on             date not null,
    ends_on               date not null,
    event_types           text[] not null default '{}',
    manager_id            uuid references users (id),
    notes                 text,
    consent_given_on      date,
    consent_purpose       text,
    consent_method        text,
    contract_concluded_on date,
    contract_ends_on      date,
    status                text not null check (status in ('AWAITING_CONSENT', 'ACTIVE', 'STOPPED')),
    stop_reason           text,
    stopped_at            timestamptz,
    expiry_warned_at      timestamptz,
    recommendations       text[] not null default '{}',
    recommendations_met   text[] not null default '{}',
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
-- One watch per person and list: re-uploading a list or re-adding a person updates it.
create unique index watches_contact_list_idx
    on watches (tenant_id, contact_id, coalesce(list_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index watches_matching_idx on watches (contact_id) where status = 'ACTIVE';
create index watches_tenant_idx on watches (tenant_id, status, segment);
create index watches_list_idx on watches (tenant_id, list_id);
