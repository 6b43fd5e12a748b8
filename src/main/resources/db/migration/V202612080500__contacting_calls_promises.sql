-- An operator's call and what came of it (docs/contact-rules.md, «Operator's side»): the outcome is one of a fixed
-- few, recorded once, when; a call's note is its sealed body. Only a call has an outcome.
alter table contact_attempts add column outcome_at timestamptz;
alter table contact_attempts add constraint contact_attempts_outcome_known
    check (outcome is null or outcome in ('NO_ANSWER', 'PROMISED_TO_PAY', 'REFUSED_TO_PAY', 'WRONG_NUMBER', 'OTHER'));
alter table contact_attempts add constraint contact_attempts_outcome_of_call
    check (outcome is null or (kind = 'CALL' and outcome_at is not null));

-- A debtor's promise to pay, made on a call: the inbox shows it on its date (the agency's), overdue after; it is kept
-- once the payments on his debts since it was made reach its amount (kept_at, set as payments are applied).
create table contact_promises (
    id          uuid        primary key,
    tenant_id   uuid        not null references tenants (id),
    contact_id  uuid        not null references contacts (id),
    debt_id     uuid        not null references debts (id),
    call_id     uuid        not null unique references contact_attempts (id),
    amount      bigint      not null check (amount > 0),
    due_on      date        not null,
    promised_at timestamptz not null,
    kept_at     timestamptz,
    actor       text        not null
);
-- the inbox's tab: the agency's open promises by date
create index contact_promises_due_idx on contact_promises (tenant_id, due_on) where kept_at is null;
create index contact_promises_debtor_idx on contact_promises (tenant_id, contact_id) where kept_at is null;
