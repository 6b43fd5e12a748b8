-- The agency's own texts to its debtors (docs/contact-rules.md «Templates»): one row per purpose it edited; a purpose
-- without a row reads the default. Each names the agency and its phone (137-ФЗ), checked when it is saved.
create table contact_templates (
    tenant_id   uuid        not null references tenants (id),
    purpose     text        not null,
    body        text        not null check (length(body) between 1 and 1000),
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (tenant_id, purpose)
);

-- The agency's registered SMS sender name (альфа-имя, 137-ФЗ: only numbers and names officially assigned to it).
create table contact_senders (
    tenant_id   uuid        primary key references tenants (id),
    sms_sender  text        check (sms_sender ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}$'),
    updated_at  timestamptz not null,
    updated_by  text        not null
);
