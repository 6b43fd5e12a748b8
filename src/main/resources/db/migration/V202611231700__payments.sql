-- A payer's payments towards a payable (a debt, by id: no foreign key until the collections module owns debts).
-- Amounts are whole kopecks. The provider's final answer is kept as the receipt.
create table payments (
    id                  uuid primary key,
    tenant_id           uuid not null references tenants (id),
    debt_id             uuid not null,
    amount_kopecks      bigint not null check (amount_kopecks > 0),
    method              text not null check (method in ('BANK_CARD', 'SBP')),
    status              text not null check (status in ('CREATED', 'PENDING', 'SUCCEEDED', 'CANCELED')),
    idempotence_key     text not null,
    provider            text not null,
    provider_payment_id text,
    confirmation_url    text,
    return_url          text not null,
    receipt             jsonb,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    settled_at          timestamptz,
    -- Starting a payment again with the same key finds the first one instead of charging twice.
    unique (tenant_id, idempotence_key),
    unique (provider, provider_payment_id)
);
create index payments_payable_idx on payments (tenant_id, debt_id, created_at desc);
