-- Outcomes flow back from Bitrix24 (issue 15, «CRM connectors»; docs/crm-bitrix24.md «Outcomes from Bitrix24»).
-- On connect Kredo binds its event handler (event.bind) at an address that carries a random token: the token is
-- looked up by its SHA-256 (as amoCRM's webhook token is), the whole address is kept sealed to unbind it. Bitrix24
-- signs every event with the application's token (auth[application_token]); Kredo keeps its SHA-256 from the first
-- event its address received and refuses any later one that carries another.
alter table crm_bitrix24_accounts
    add column events_token_hash       bytea unique,
    add column events_handler_sealed   bytea,
    -- The events Bitrix24 took (ONTASKUPDATE,ONCRMDEALUPDATE); null while none is bound.
    add column events_bound            text,
    -- Why binding failed, as Bitrix24 answered; null when it did not.
    add column events_error            text,
    add column application_token_hash  bytea;

-- A task or deal Kredo created that Bitrix24 says has changed: read back from the portal (nothing in an event is
-- believed) and, when it says how the signal ended, the signal is closed. One row per entity; an event about an
-- entity Kredo did not create never makes a row (it is looked up among the tenant's Bitrix24 deliveries).
create table crm_bitrix24_outcomes (
    tenant_id   uuid not null references tenants (id),
    entity_type text not null check (entity_type in ('TASK', 'DEAL')),
    entity_id   bigint not null,
    signal_id   uuid not null,
    -- When to read it back; null once read (until the next event).
    due_at      timestamptz,
    attempts    int not null default 0,
    -- The outcome recorded from it, or why none was (ALREADY_CLOSED, NOT_ALLOWED); null while it says nothing yet.
    result      text,
    last_error  text,
    updated_at  timestamptz not null,
    primary key (tenant_id, entity_type, entity_id)
);
create index crm_bitrix24_outcomes_due_idx on crm_bitrix24_outcomes (due_at) where due_at is not null;
