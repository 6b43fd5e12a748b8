create table audit_events (
    id          bigint generated always as identity primary key,
    tenant_id   uuid not null references tenants (id),
    occurred_at timestamptz not null,
    actor       text not null,
    action      text not null,
    object_type text,
    object_id   text,
    -- Ids and counts only: personal data never goes into the audit log.
    detail      text
);
create index audit_events_tenant_idx on audit_events (tenant_id, occurred_at desc);
