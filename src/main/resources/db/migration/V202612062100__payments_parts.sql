-- One payment over several debts («Оплатить всё»): the payment is one at the provider, for the sum of its parts, and
-- each part goes to one debt. A payment towards one debt keeps its debt in payments.debt_id and has no parts (every
-- query and test of single payments stays as it was); a combined payment has debt_id null and its parts here, one
-- or more (a debt whose share is already under way gets none). Amounts are whole kopecks.
alter table payments alter column debt_id drop not null;

create table payment_parts (
    payment_id     uuid not null references payments (id) on delete cascade,
    tenant_id      uuid not null references tenants (id),
    debt_id        uuid not null,
    amount_kopecks bigint not null check (amount_kopecks > 0),
    -- The parts in the order their debts are locked and paid (by debt id), and the receipt lists them.
    position       int not null check (position >= 0),
    -- The receipt's line for this debt («Погашение задолженности по договору № …»), kept so that asking the provider
    -- again under the same idempotence key sends the very same request.
    description    text not null,
    primary key (payment_id, position),
    unique (payment_id, debt_id)
);
create index payment_parts_debt_idx on payment_parts (tenant_id, debt_id);

-- A payment has its debt or its parts, never both, never neither; and its parts add up to it, to the kopeck. Checked
-- when the transaction that writes them commits (the payment is inserted before its parts).
create function payments_parts_add_up() returns trigger language plpgsql as $$
declare
    checked uuid;
    payment payments%rowtype;
    parts   bigint;
    total   bigint;
begin
    if tg_table_name = 'payments' then
        checked := new.id;
    elsif tg_op = 'DELETE' then
        checked := old.payment_id;
    else
        checked := new.payment_id;
    end if;
    select * into payment from payments where id = checked;
    if not found then
        return null;
    end if;
    select count(*), coalesce(sum(amount_kopecks), 0) into parts, total from payment_parts where payment_id = checked;
    if payment.debt_id is not null and parts > 0 then
        raise exception 'payment % has a debt and parts', checked;
    end if;
    if payment.debt_id is null and total <> payment.amount_kopecks then
        raise exception 'the parts of payment % come to % kopecks, not %', checked, total, payment.amount_kopecks;
    end if;
    return null;
end $$;

create constraint trigger payments_parts_add_up after insert or update on payments
    deferrable initially deferred for each row execute function payments_parts_add_up();
create constraint trigger payment_parts_add_up after insert or update or delete on payment_parts
    deferrable initially deferred for each row execute function payments_parts_add_up();

-- A payment now applies to each debt it has a part of, once: the same payment id on two debts is two applications.
alter table debt_payments drop constraint debt_payments_payment_id_key;
alter table debt_payments add constraint debt_payments_payment_debt_key unique (payment_id, debt_id);
