-- Restructuring plans (ru.kredo.plans.Plan, docs/plan-lifecycle.md): the plan, its instalments and every move of its
-- state. Money in kopecks, as everywhere; the debtor's income and expenses sealed (personal data, 152-ФЗ).
create table plans (
    id            uuid        primary key,
    tenant_id     uuid        not null references tenants (id),
    debt_id       uuid        not null references debts (id),
    contact_id    uuid        not null,
    status        text        not null check (status in ('REQUESTED', 'PROPOSED', 'AWAITING_SIGNATURE', 'ACTIVE',
                                  'BEHIND', 'BROKEN', 'COMPLETED', 'DECLINED')),
    reason        text        not null check (reason in ('LOST_INCOME', 'ILLNESS', 'OTHER')),
    income        bytea,
    expenses      bytea,
    total         bigint      not null check (total > 0),
    breaches      text[]      not null default '{}',
    requested_on  date        not null,
    signed_at     timestamptz,
    signature     uuid,
    signed_terms  text,
    behind_since  date,
    paused_since  date,
    repairs_used  int         not null default 0 check (repairs_used >= 0),
    ending        text        check (ending in ('MISSED', 'BY_AGENCY', 'DEBT_WRITTEN_OFF')),
    note          text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check ((status = 'BROKEN') = (ending is not null))
);
-- A debt has at most one plan that is not final (broken, completed or declined).
create unique index plans_one_open_per_debt on plans (debt_id)
    where status not in ('BROKEN', 'COMPLETED', 'DECLINED');
create index plans_of_tenant on plans (tenant_id, status);
-- The day's check reads the running plans of every agency.
create index plans_running on plans (status) where status in ('ACTIVE', 'BEHIND');

create table plan_instalments (
    tenant_id  uuid   not null references tenants (id),
    plan_id    uuid   not null references plans (id) on delete cascade,
    number     int    not null check (number >= 1),
    due_on     date   not null,
    amount     bigint not null check (amount > 0),
    paid       bigint not null default 0 check (paid >= 0 and paid <= amount),
    primary key (plan_id, number)
);

-- Every move of a plan's state: from (null for the request), to, when, who (debtor:<id>, user:<id>, api-key:<id>,
-- system:plans) and why (an ending, a reason given, a repair).
create table plan_transitions (
    id           bigint      generated always as identity primary key,
    tenant_id    uuid        not null references tenants (id),
    plan_id      uuid        not null references plans (id) on delete cascade,
    from_status  text,
    to_status    text        not null,
    at           timestamptz not null,
    actor        text        not null,
    reason       text
);
create index plan_transitions_of_plan on plan_transitions (plan_id, id);
