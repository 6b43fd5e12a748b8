-- The agency's plan adherence (docs/plans.md «Adherence»): the debt's portfolio kept on the plan (figures per portfolio),
-- and each payment's part towards each instalment with the day it came (on-time share, cash by month).
alter table plans add column portfolio_id uuid;
update plans p set portfolio_id = d.portfolio_id from debts d where d.id = p.debt_id;

create table plan_instalment_payments (
    id         bigint      generated always as identity primary key,
    tenant_id  uuid        not null references tenants (id),
    plan_id    uuid        not null references plans (id) on delete cascade,
    number     int         not null check (number >= 1),
    due_on     date        not null,
    paid_on    date        not null,
    amount     bigint      not null check (amount > 0)
);
create index plan_instalment_payments_of_plan on plan_instalment_payments (plan_id, number);
create index plan_instalment_payments_of_tenant on plan_instalment_payments (tenant_id, paid_on);
