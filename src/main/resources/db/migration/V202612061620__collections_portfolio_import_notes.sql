-- As for lists: rows a registry's import kept with a remark (a debt stored without its unreadable phone) and rows it
-- skipped as no data (the «ИТОГО» row, the signatures under the table), by line.
alter table portfolio_imports
    add column noted   bigint not null default 0,
    add column skipped bigint not null default 0;

create table portfolio_import_notes (
    tenant_id   uuid not null references tenants (id),
    import_id   uuid not null references portfolio_imports (id),
    line        bigint not null,
    column_name text,
    code        text not null,
    args        text[] not null default '{}',
    primary key (import_id, line)
);
create index portfolio_import_notes_tenant_idx on portfolio_import_notes (tenant_id, import_id, line);
