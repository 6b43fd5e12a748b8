-- A plan also ends when the agency's registry closes its debt outside the plan's own payments (DEBT_CLOSED), or raises
-- it above what the plan had left to pay (BALANCE_RAISED): docs/plan-lifecycle.md «The debt changes under the plan».
alter table plans drop constraint plans_ending_check;
alter table plans add constraint plans_ending_check
    check (ending in ('MISSED', 'BY_AGENCY', 'DEBT_WRITTEN_OFF', 'DEBT_CLOSED', 'BALANCE_RAISED'));
