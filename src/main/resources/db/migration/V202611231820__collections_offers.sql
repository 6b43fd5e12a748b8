-- An agency's rules that pre-approve a discount: a debt at least this overdue and this large gets this much off.
create table offer_rules (
    id                uuid primary key,
    tenant_id         uuid not null references tenants (id),
    name              text not null,
    min_days_past_due int not null check (min_days_past_due >= 0),
    min_balance       bigint not null check (min_balance >= 0),
    discount_percent  int not null check (discount_percent between 1 and 50),
    valid_days        int not null check (valid_days between 1 and 365),
    created_at        timestamptz not null
);
create index offer_rules_tenant_idx on offer_rules (tenant_id);

-- The offer a debt got, with the rule that produced it; accepting it is signed with an SMS code (the challenge).
create table offers (
    id                 uuid primary key,
    tenant_id          uuid not null references tenants (id),
    debt_id            uuid not null unique references debts (id),
    rule_id            uuid not null references offer_rules (id),
    rule_name          text not null,
    discount_percent   int not null,
    full_amount        bigint not null,
    offer_amount       bigint not null,
    valid_until        date not null,
    status             text not null check (status in ('OFFERED', 'ACCEPTED', 'PAID', 'LAPSED')),
    accepted_at        timestamptz,
    signature          uuid,
    paid_since_accepted bigint not null default 0,
    created_at         timestamptz not null
);
