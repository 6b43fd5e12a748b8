-- Every phone and e-mail address a file gives for a contact beyond the one on his row in contacts (a CRM's
-- «Рабочий телефон», «Домашний телефон», «Частный e-mail»…): sealed like it, the phone blind-indexed like it so that
-- a person is found by any of his numbers; an address's index only keeps it once per contact.
create table contact_phones (
    tenant_id   uuid not null references tenants (id),
    contact_id  uuid not null references contacts (id),
    phone       bytea not null,
    phone_index bytea not null,
    created_at  timestamptz not null,
    primary key (tenant_id, contact_id, phone_index)
);
create index contact_phones_number_idx on contact_phones (tenant_id, phone_index);

create table contact_emails (
    tenant_id   uuid not null references tenants (id),
    contact_id  uuid not null references contacts (id),
    email       bytea not null,
    email_index bytea not null,
    created_at  timestamptz not null,
    primary key (tenant_id, contact_id, email_index)
);
