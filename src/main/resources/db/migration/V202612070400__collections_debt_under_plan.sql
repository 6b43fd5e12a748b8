-- A debt may be under a restructuring plan (collections' Debt.restructure, module plans): its balance repaid in
-- instalments, nothing forgiven (docs/debts.md, docs/plan-lifecycle.md).
alter table debts drop constraint debts_state_check,
    add constraint debts_state_check check (state in ('OPEN', 'UNDER_SETTLEMENT', 'UNDER_PLAN', 'DISPUTED', 'CLOSED'));
