-- A broker's Bitrix24 portal (issue 15, «CRM connectors»): its local application's keys and the OAuth tokens, sealed
-- with the privacy module's key (AES-GCM bound to the column's name), and what a signal becomes there.
create table crm_bitrix24_accounts (
    tenant_id            uuid primary key references tenants (id),
    -- The portal's address as the admin gave it (mybroker.bitrix24.ru); tokens are only ever sent there.
    portal               text not null,
    client_id            text not null,
    client_secret_sealed bytea not null,
    access_token_sealed  bytea,
    refresh_token_sealed bytea,
    access_expires_at    timestamptz,
    -- The portal's id at Bitrix24's authorisation server, as its token answer gives it.
    member_id            text,
    connected_at         timestamptz,
    action               text not null default 'TASK' check (action in ('TASK', 'COMMENT', 'DEAL')),
    category_id          bigint check (category_id >= 0),
    stage_id             text,
    updated_at           timestamptz not null
);

-- One queue for both connectors: the amoCRM queue (named for the connector that came first) takes Bitrix24's rows
-- too, told apart by crm; amo_contact_id and amo_entity_id hold the contact's and the created entity's id in the
-- row's CRM. The same signal fold may go to both CRMs of a tenant, once each.
alter table crm_amocrm_deliveries
    add column crm text not null default 'AMOCRM' check (crm in ('AMOCRM', 'BITRIX24'));
alter table crm_amocrm_deliveries drop constraint crm_amocrm_deliveries_tenant_id_signal_id_signal_count_key;
alter table crm_amocrm_deliveries add constraint crm_amocrm_deliveries_once
    unique (tenant_id, crm, signal_id, signal_count);
drop index crm_amocrm_deliveries_due_idx;
create index crm_amocrm_deliveries_due_idx on crm_amocrm_deliveries (crm, next_attempt_at) where status = 'PENDING';
drop index crm_amocrm_deliveries_tenant_idx;
create index crm_amocrm_deliveries_tenant_idx on crm_amocrm_deliveries (tenant_id, crm, created_at desc);
