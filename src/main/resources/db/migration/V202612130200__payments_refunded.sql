-- What the provider says it has returned to the payer of a payment (ЮKassa's refunded_amount), in kopecks: a refund
-- the agency made in ЮKassa's cabinet, learnt from its refund.succeeded notification by re-reading the payment. Kredo
-- shows it; it does not change the debt (docs/payments.md, «Paid more than owed»).
alter table payments add column refunded bigint not null default 0 check (refunded >= 0);
