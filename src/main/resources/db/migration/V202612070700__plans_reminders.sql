-- What was texted to a debtor about his restructuring plan (ru.kredo.plans.internal.PlanReminders,
-- docs/plan-lifecycle.md «Reminders»): one row per text, so that none goes twice, across nodes and restarts.
-- DUE: the reminder before instalment `instalment` falls due on `day` (its due date; a date moved by a repair is a new
-- date, reminded once more). BEHIND: the plan fell behind on `day` (instalment 0); the row is written when the plan
-- falls behind and `sent_at` when the text went out (in the daytime run, never at night).
create table plan_reminders (
    tenant_id   uuid        not null references tenants (id),
    plan_id     uuid        not null references plans (id) on delete cascade,
    kind        text        not null check (kind in ('DUE', 'BEHIND')),
    instalment  int         not null check (instalment >= 0),
    day         date        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    primary key (plan_id, kind, instalment, day)
);
-- The daytime run looks for the texts not sent yet.
create index plan_reminders_unsent on plan_reminders (created_at) where sent_at is null;
