-- An upload of a file into a monitoring list, with its progress. The heartbeat (updated_at) moves every batch, so an
-- import whose process died shows as interrupted; re-uploading the file finishes it (watches are upserted).
create table list_imports (
    id                uuid primary key,
    tenant_id         uuid not null references tenants (id),
    list_id           uuid not null references monitoring_lists (id),
    file_name         text not null,
    file_size         bigint not null,
    status            text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    failure_code      text,
    failure_args      text[] not null default '{}',
    bytes_read        bigint not null default 0,
    total             integer not null default 0,
    imported          integer not null default 0,
    rejected          integer not null default 0,
    awaiting_consent  integer not null default 0,
    started_by        text not null,
    started_at        timestamptz not null,
    updated_at        timestamptz not null,
    finished_at       timestamptz
);
create index list_imports_tenant_list_idx on list_imports (tenant_id, list_id, started_at desc);

-- A rejected row: where it is in the file and why. No personal data: the broker looks the line up in his own file.
create table list_import_errors (
    tenant_id   uuid not null references tenants (id),
    import_id   uuid not null references list_imports (id),
    line        bigint not null,
    column_name text,
    code        text not null,
    args        text[] not null default '{}',
    primary key (import_id, line)
);
create index list_import_errors_tenant_idx on list_import_errors (tenant_id, import_id, line);
