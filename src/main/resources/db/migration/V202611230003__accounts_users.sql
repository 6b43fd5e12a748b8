create table users (
    id            uuid primary key,
    tenant_id     uuid not null references tenants (id),
    email         text not null,
    display_name  text not null,
    password_hash text not null,
    role          text not null check (role in ('OPERATOR', 'ADMIN', 'MANAGER')),
    enabled       boolean not null default true,
    created_at    timestamptz not null
);
-- A login names exactly one user, so e-mails are unique across tenants.
create unique index users_email_idx on users (lower(email));
create index users_tenant_idx on users (tenant_id, display_name);
