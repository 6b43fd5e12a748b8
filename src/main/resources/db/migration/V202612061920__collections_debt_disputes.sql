-- A debtor's dispute of a debt (docs/debts.md, «Disputes»): why (not mine, already paid, a wrong sum, other), his
-- explanation (sealed: personal data), when it was opened and resolved, how (upheld: the debt written off; rejected:
-- owed as before), the reason the debtor is shown, and who resolved it. At most one open dispute per debt; the debt's
-- own state (DISPUTED) is what withholds its offers.
create table debt_disputes (
    id                uuid primary key,
    tenant_id         uuid not null references tenants (id),
    debt_id           uuid not null references debts (id),
    contact_id        uuid not null references contacts (id),
    reason            text not null check (reason in ('NOT_MINE', 'ALREADY_PAID', 'WRONG_SUM', 'OTHER')),
    explanation       bytea not null,
    opened_at         timestamptz not null,
    resolved_at       timestamptz,
    outcome           text check (outcome in ('UPHELD', 'REJECTED')),
    resolution_reason text,
    resolved_by       uuid references users (id),
    check ((resolved_at is null) = (outcome is null)),
    check (outcome is distinct from 'REJECTED' or resolution_reason is not null)
);
create unique index debt_disputes_one_open_idx on debt_disputes (tenant_id, debt_id) where resolved_at is null;
create index debt_disputes_open_idx on debt_disputes (tenant_id, opened_at) where resolved_at is null;
create index debt_disputes_debtor_idx on debt_disputes (tenant_id, contact_id, opened_at desc);
