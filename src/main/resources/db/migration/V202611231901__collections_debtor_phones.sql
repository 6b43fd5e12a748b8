-- Every phone a registry gives for a debtor: a contact keeps one, registries often list a mobile, a home and a work
-- number, and the agency may call any of them (within the 230-ФЗ limits). Sealed like the contact's own phone, with
-- the same kind of blind index, so the same number is stored once per debtor.
create table debtor_phones (
    tenant_id   uuid not null references tenants (id),
    contact_id  uuid not null references contacts (id),
    phone       bytea not null,
    phone_index bytea not null,
    import_id   uuid references portfolio_imports (id),
    created_at  timestamptz not null,
    primary key (tenant_id, contact_id, phone_index)
);
