-- A person known to a tenant. Identifiers are sealed (AES-GCM, see the privacy module) and looked up through keyed
-- blind indexes; names stay readable for lists and search.
create table contacts (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    last_name       text not null,
    first_name      text not null,
    middle_name     text,
    birth_date      bytea not null,
    passport        bytea,
    passport_index  bytea,
    inn             bytea,
    inn_index       bytea,
    snils           bytea,
    snils_index     bytea,
    phone           bytea,
    phone_index     bytea,
    email           text,
    name_dob_index  bytea not null,
    created_at      timestamptz not null
);
create index contacts_tenant_name_idx on contacts (tenant_id, last_name, first_name);
create index contacts_passport_idx on contacts (passport_index) where passport_index is not null;
create index contacts_name_dob_idx on contacts (name_dob_index);
create index contacts_phone_idx on contacts (tenant_id, phone_index) where phone_index is not null;
