-- What a signed-in debtor did in the cabinet, every time, with the visitor (funnel cookie) he did it from: the
-- agency's debtor card shows it, and it ties the anonymous funnel to the debtor once he signs in. A payment's row
-- also carries the payment, so that its success (announced later, without the visitor) finds who started it.
create table cabinet_activity (
    id         bigint generated always as identity primary key,
    tenant_id  uuid not null references tenants (id),
    contact_id uuid not null references contacts (id),
    visitor    uuid not null,
    step       text not null check (step in ('CODE_CONFIRMED', 'DEBT_VIEWED', 'OFFER_VIEWED', 'OFFER_ACCEPTED',
                                             'PAYMENT_STARTED', 'PAYMENT_SUCCEEDED')),
    debt_id    uuid,
    payment_id uuid,
    amount     bigint,
    at         timestamptz not null
);
create index cabinet_activity_contact_idx on cabinet_activity (tenant_id, contact_id, at desc);
-- A payment is started and succeeds once, however often it is submitted or announced.
create unique index cabinet_activity_payment_idx on cabinet_activity (payment_id, step) where payment_id is not null;
