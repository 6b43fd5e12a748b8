-- A debt an agency collects, with its balance by component in kopecks (money is never floating point).
create table debts (
    id                uuid primary key,
    tenant_id         uuid not null references tenants (id),
    contact_id        uuid not null references contacts (id),
    original_creditor text not null,
    contract_number   text not null,
    contract_date     date not null,
    assignment_date   date,
    state_duty        bigint not null check (state_duty >= 0),
    fees              bigint not null check (fees >= 0),
    interest          bigint not null check (interest >= 0),
    principal         bigint not null check (principal >= 0),
    penalties         bigint not null check (penalties >= 0),
    original_total    bigint not null,
    days_past_due     int,
    closed_on         date,
    created_at        timestamptz not null,
    unique (tenant_id, contract_number, original_creditor)
);
create index debts_contact_idx on debts (tenant_id, contact_id);

-- Every payment applied to a debt, with how it was split; a payment applies once (payment_id is unique).
create table debt_payments (
    tenant_id   uuid not null references tenants (id),
    debt_id     uuid not null references debts (id),
    payment_id  uuid not null unique,
    amount      bigint not null,
    state_duty  bigint not null,
    fees        bigint not null,
    interest    bigint not null,
    principal   bigint not null,
    penalties   bigint not null,
    paid_at     timestamptz not null
);
create index debt_payments_debt_idx on debt_payments (tenant_id, debt_id, paid_at);
