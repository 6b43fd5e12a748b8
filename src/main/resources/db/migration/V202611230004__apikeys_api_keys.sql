create table api_keys (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id),
    name         text not null,
    prefix       text not null,
    -- SHA-256 of the whole key; the key itself is shown once and never stored.
    secret_hash  bytea not null unique,
    created_by   text not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_keys_tenant_idx on api_keys (tenant_id, created_at);
