-- A named portfolio (реестр долгов) an agency uploads, and uploads again as the creditor updates it.
create table portfolios (
    id         uuid primary key,
    tenant_id  uuid not null references tenants (id),
    name       text not null,
    created_at timestamptz not null,
    unique (tenant_id, name)
);

-- An upload of a registry file into a portfolio, with its progress. The heartbeat (updated_at) moves every batch, so
-- an import whose process died shows as interrupted; uploading the file again finishes it (debts are upserted).
create table portfolio_imports (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id),
    portfolio_id uuid not null references portfolios (id),
    file_name    text not null,
    file_size    bigint not null,
    status       text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    failure_code text,
    failure_args text[] not null default '{}',
    bytes_read   bigint not null default 0,
    total        bigint not null default 0,
    created      bigint not null default 0,
    updated      bigint not null default 0,
    rejected     bigint not null default 0,
    debtors      bigint not null default 0,
    started_by   text not null,
    started_at   timestamptz not null,
    updated_at   timestamptz not null,
    finished_at  timestamptz
);
create index portfolio_imports_tenant_idx on portfolio_imports (tenant_id, started_at desc);
create index portfolio_imports_portfolio_idx on portfolio_imports (tenant_id, portfolio_id, started_at desc);

-- A rejected row: where it is in the file and why. No personal data: the agency looks the line up in its own file.
create table portfolio_import_errors (
    tenant_id   uuid not null references tenants (id),
    import_id   uuid not null references portfolio_imports (id),
    line        bigint not null,
    column_name text,
    code        text not null,
    args        text[] not null default '{}',
    primary key (import_id, line)
);
create index portfolio_import_errors_tenant_idx on portfolio_import_errors (tenant_id, import_id, line);

-- What a registry says of a debt beyond its composition. The components (state_duty … penalties) stay the balance:
-- original_total is the claim as the registry states it, paid_before_import what the debtor paid on it outside Kredo
-- before the upload (taken off the components in the allocation order), so original_total - balance is everything
-- repaid, before and through Kredo. time_zone is an IANA zone: given in the file, or the region's.
alter table debts
    add column region             text,
    add column time_zone          text,
    add column paid_before_import bigint not null default 0 check (paid_before_import >= 0),
    add column portfolio_id       uuid references portfolios (id),
    add column import_id          uuid references portfolio_imports (id),
    add column updated_at         timestamptz;
create index debts_portfolio_idx on debts (tenant_id, portfolio_id);
create index debts_import_idx on debts (import_id);
