-- A broker's amoCRM account (issue 15, «CRM connectors»): its own integration's keys and the OAuth tokens, sealed with
-- the privacy module's key (AES-GCM bound to the column's name), and what a signal becomes there.
create table crm_amocrm_accounts (
    tenant_id            uuid primary key references tenants (id),
    subdomain            text not null,
    client_id            text not null,
    client_secret_sealed bytea not null,
    -- The redirect URI the tokens were issued for: amoCRM wants it again with every refresh.
    redirect_uri         text,
    access_token_sealed  bytea,
    refresh_token_sealed bytea,
    access_expires_at    timestamptz,
    connected_at         timestamptz,
    action               text not null default 'TASK' check (action in ('TASK', 'NOTE', 'LEAD')),
    pipeline_id          bigint,
    status_id            bigint,
    updated_at           timestamptz not null
);

-- One signal (one fold of it: signal id and count) to carry into amoCRM. The listener may see an event twice
-- (at-least-once): the unique key makes the second insert a no-op. A row is leased while it is worked on; sent_at is
-- set, committed, before the create request goes out, so a crash after it leaves a mark: the next attempt first looks
-- in amoCRM for the entity carrying the row's marker instead of creating a second one.
create table crm_amocrm_deliveries (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    signal_id       uuid not null,
    signal_count    int not null,
    contact_id      uuid not null,
    external_id     text,
    title           text not null,
    priority        int not null,
    status          text not null check (status in ('PENDING', 'DONE', 'NOT_FOUND', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    action          text,
    amo_contact_id  bigint,
    amo_entity_id   bigint,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    unique (tenant_id, signal_id, signal_count)
);
create index crm_amocrm_deliveries_due_idx on crm_amocrm_deliveries (next_attempt_at) where status = 'PENDING';
create index crm_amocrm_deliveries_tenant_idx on crm_amocrm_deliveries (tenant_id, created_at desc);
