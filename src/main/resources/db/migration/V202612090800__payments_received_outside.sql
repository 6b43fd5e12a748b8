-- A payment received outside Kredo (a bank transfer to the agency, cash at its office), recorded by the agency through
-- the API (issue 15): stored as a payment of its own method OUTSIDE, already SUCCEEDED, with the day the agency received
-- it and its reference (the bank's document number). It is applied to the debt like any other payment
-- (PaymentSucceeded), so nothing else about payments changes.
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check check (method in ('BANK_CARD', 'SBP', 'OUTSIDE'));
alter table payments add column received_on date;
alter table payments add column reference text;
alter table payments add constraint payments_received_outside
    check ((method = 'OUTSIDE') = (received_on is not null and reference is not null and debt_id is not null));
-- One bank document recorded once on a debt for a day: the same reference again is a duplicate, not a second payment.
create unique index payments_received_reference_idx on payments (tenant_id, debt_id, received_on, reference)
    where method = 'OUTSIDE';
