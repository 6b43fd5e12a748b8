-- A payment the agency received outside Kredo (payments' method OUTSIDE) is marked on the debt's own record of it, so
-- that the debtor's pages, which read a debt's payments with the debt in one statement, mark it without a second read.
alter table debt_payments add column outside boolean not null default false;

update debt_payments dp set outside = true
from payments p where p.id = dp.payment_id and p.method = 'OUTSIDE';
