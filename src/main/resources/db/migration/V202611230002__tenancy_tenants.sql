create table tenants (
    id         uuid primary key,
    name       text not null unique,
    kind       text not null check (kind in ('BROKER', 'COLLECTOR', 'PLATFORM')),
    created_at timestamptz not null
);

-- The platform operator's own tenant always exists; its users create the others.
insert into tenants (id, name, kind, created_at)
values ('00000000-0000-0000-0000-000000000001', 'Kredo', 'PLATFORM', now());
