-- What an import kept with a remark (a row stored without its unreadable phone or e-mail) or skipped as no data (a
-- total or a signature under the table), by line; and the names in a «Менеджер»/«Ответственный» column that match
-- no user, with how many rows named each (those rows are left without a manager).
alter table list_imports
    add column noted   integer not null default 0,
    add column skipped integer not null default 0;

create table list_import_notes (
    tenant_id   uuid not null references tenants (id),
    import_id   uuid not null references list_imports (id),
    line        bigint not null,
    column_name text,
    code        text not null,
    args        text[] not null default '{}',
    primary key (import_id, line)
);
create index list_import_notes_tenant_idx on list_import_notes (tenant_id, import_id, line);

create table list_import_unknown_managers (
    tenant_id uuid not null references tenants (id),
    import_id uuid not null references list_imports (id),
    name      text not null,
    row_count integer not null,
    primary key (import_id, name)
);
