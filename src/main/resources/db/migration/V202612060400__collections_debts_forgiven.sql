-- What a paid settlement forgave (ст. 415 ГК РФ), kept apart from what was paid: the claim is what was paid, what was
-- forgiven and what is still owed. Debts a settlement closed before this get theirs: the claim less what was paid
-- before the upload and less what payments through Kredo applied (an overpayment applied nothing).
alter table debts add column forgiven bigint not null default 0 check (forgiven >= 0);

update debts d set forgiven = greatest(0, d.original_total - d.paid_before_import - coalesce((
        select sum(p.state_duty + p.fees + p.interest + p.principal + p.penalties) from debt_payments p
        where p.tenant_id = d.tenant_id and p.debt_id = d.id), 0))
from offers o
where o.tenant_id = d.tenant_id and o.debt_id = d.id and o.status = 'PAID' and d.closed_on is not null;
