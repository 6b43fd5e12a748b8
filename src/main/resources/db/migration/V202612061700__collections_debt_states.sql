-- A debt's state, kept with it (collections' Debt aggregate, docs/debts.md): open; under settlement (a signed
-- settlement being paid); disputed; closed, and how: paid, settled (the rest forgiven, ст. 415 ГК РФ) or written off.
-- The row's closed_on stays the day it closed; a registry that restates a debt keeps both in step (DebtRows).
alter table debts
    add column state text not null default 'OPEN'
        check (state in ('OPEN', 'UNDER_SETTLEMENT', 'DISPUTED', 'CLOSED')),
    add column closed_as text check (closed_as in ('PAID', 'SETTLED', 'WRITTEN_OFF'));

-- Today's debts: a closed one was settled when a settlement forgave part of it, otherwise paid; an open one with a
-- signed settlement (an accepted offer) is under settlement. Nothing was ever disputed or written off before.
update debts set state = 'CLOSED', closed_as = case when forgiven > 0 then 'SETTLED' else 'PAID' end
where closed_on is not null;

update debts d set state = 'UNDER_SETTLEMENT'
from offers o
where o.tenant_id = d.tenant_id and o.debt_id = d.id and o.status = 'ACCEPTED' and d.closed_on is null;

alter table debts add constraint debts_closed_state_check check ((state = 'CLOSED') = (closed_as is not null));
