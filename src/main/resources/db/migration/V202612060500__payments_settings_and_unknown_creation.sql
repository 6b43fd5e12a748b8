-- An agency's own payment settings. receipts: ЮKassa issues the 54-ФЗ receipt with each payment (on unless the
-- agency turns it off because it issues receipts from its own cash register). No row means the defaults.
create table payment_settings (
    tenant_id  uuid primary key references tenants (id),
    receipts   boolean not null,
    updated_at timestamptz not null
);

-- When sending a payment to its provider ended without knowing whether the provider created it (time-outs and 5xx
-- through every retry): such a payment is resolved by asking again under its same idempotence key, never replaced.
alter table payments add column creation_unknown_at timestamptz;
