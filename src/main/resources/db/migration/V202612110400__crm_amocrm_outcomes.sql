-- Outcomes flow back from amoCRM (issue 15, «CRM connectors»; docs/crm-amocrm.md «Outcomes from amoCRM»).
-- On connect Kredo subscribes a webhook in the account (POST /api/v4/webhooks) at an address that carries a random
-- token: the token is looked up by its SHA-256 (as API keys are), and the whole address is kept sealed to unsubscribe.
alter table crm_amocrm_accounts
    add column hook_token_hash         bytea unique,
    add column hook_destination_sealed bytea,
    add column hook_id                 bigint,
    add column hook_error              text;

-- A task or lead Kredo created that amoCRM says has changed: re-read from amoCRM (nothing in a webhook is believed)
-- and, when it says how the signal ended, the signal is closed. One row per entity; a hint for an entity Kredo did
-- not create never makes a row (it is looked up among crm_amocrm_deliveries of the token's tenant).
create table crm_amocrm_outcomes (
    tenant_id   uuid not null references tenants (id),
    entity_type text not null check (entity_type in ('TASK', 'LEAD')),
    entity_id   bigint not null,
    signal_id   uuid not null,
    -- When to read it back; null once read (until the next hint).
    due_at      timestamptz,
    attempts    int not null default 0,
    -- The outcome recorded from it, or why none was (ALREADY_CLOSED, NOT_ALLOWED); null while it says nothing yet.
    result      text,
    last_error  text,
    updated_at  timestamptz not null,
    primary key (tenant_id, entity_type, entity_id)
);
create index crm_amocrm_outcomes_due_idx on crm_amocrm_outcomes (due_at) where due_at is not null;
create index crm_amocrm_deliveries_entity_idx on crm_amocrm_deliveries (tenant_id, action, amo_entity_id)
    where amo_entity_id is not null;
