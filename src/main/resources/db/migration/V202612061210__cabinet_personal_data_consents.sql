-- Consent to processing personal data, a separate document (152-ФЗ ст. 9 as amended from 01.09.2025): each version
-- of an agency's text exactly as shown, named by its SHA-256, and every answer a debtor gave to one, with when and
-- from which address and browser (sealed: personal data). Nothing is ever updated or deleted: a new text is a new
-- version, asked again.
create table consent_texts (
    tenant_id  uuid not null references tenants (id),
    version    text not null,
    text       text not null,
    first_shown_at timestamptz not null,
    primary key (tenant_id, version)
);

create table personal_data_consents (
    id         bigint generated always as identity primary key,
    tenant_id  uuid not null references tenants (id),
    contact_id uuid not null references contacts (id),
    version    text not null,
    given      boolean not null,
    at         timestamptz not null,
    address    bytea not null,
    user_agent bytea,
    foreign key (tenant_id, version) references consent_texts (tenant_id, version)
);
create index personal_data_consents_contact_idx on personal_data_consents (tenant_id, contact_id, at desc);
