-- An agency's terms for restructuring plans (ru.kredo.plans.PlanPolicy): one row for the agency (portfolio_id null)
-- and one per portfolio whose terms differ. Money in kopecks, as everywhere.
create table plan_policies (
    tenant_id          uuid    not null references tenants (id),
    portfolio_id       uuid    references portfolios (id),
    enabled            boolean not null,
    min_months         int     not null check (min_months >= 2),
    max_months         int     not null check (max_months >= min_months and max_months <= 120),
    min_instalment     bigint  not null check (min_instalment >= 0),
    max_days_to_first  int     not null check (max_days_to_first between 0 and 366),
    grace_days         int     not null check (grace_days between 0 and 90),
    days_to_repair     int     not null check (days_to_repair between 0 and 90),
    repairs            int     not null check (repairs between 0 and 12),
    with_discount      boolean not null,
    min_balance        bigint  not null check (min_balance >= 0),
    min_days_past_due  int     not null check (min_days_past_due between 0 and 36500),
    updated_at         timestamptz not null,
    unique nulls not distinct (tenant_id, portfolio_id)
);
