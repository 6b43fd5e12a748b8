-- The debtor's statements under ст. 8 230-ФЗ made from his cabinet (docs/contact-rules.md, «Debtor's statements»):
-- a refusal of interaction, or interaction only through a representative (an advocate), each with the signed
-- statement as a file. SUBMITTED waits in the agency's inbox; an operator CONFIRMS it (a bar stands, its source
-- 'statement:<id>') or DECLINES it with a reason the debtor reads; the debtor WITHDRAWS it (a confirmed one's bar is
-- lifted). The representative's details, the file and the reason are sealed. Nothing deletes a statement: it is the
-- record of what the agency knew and when.
create table contact_statements (
    id                   uuid        primary key,
    tenant_id            uuid        not null references tenants (id),
    contact_id           uuid        not null references contacts (id),
    kind                 text        not null check (kind in ('REFUSAL', 'REPRESENTATIVE')),
    state                text        not null check (state in ('SUBMITTED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
    -- the representative (ч. 3 ст. 8): ФИО, phone, postal address, e-mail; sealed; only for REPRESENTATIVE
    representative_name    bytea,
    representative_phone   bytea,
    representative_address bytea,
    representative_email   bytea,
    -- the signed statement: its name and bytes sealed, its type checked by content
    file_name            bytea       not null,
    content_type         text        not null,
    size                 integer     not null,
    content              bytea       not null,
    created_at           timestamptz not null,
    answered_at          timestamptz,
    answered_by          uuid        references users (id),
    decline_reason       bytea,
    withdrawn_at         timestamptz,
    check (kind <> 'REPRESENTATIVE' or (representative_name is not null and representative_phone is not null
                                        and representative_address is not null and representative_email is not null)),
    check (state <> 'DECLINED' or decline_reason is not null),
    check (state not in ('CONFIRMED', 'DECLINED') or answered_at is not null),
    check (state <> 'WITHDRAWN' or withdrawn_at is not null)
);
-- one statement of a kind in force or waiting per debtor
create unique index contact_statements_one_open_idx on contact_statements (tenant_id, contact_id, kind)
    where state in ('SUBMITTED', 'CONFIRMED');
-- the inbox's tab: the agency's statements, waiting first, newest first
create index contact_statements_inbox_idx on contact_statements (tenant_id, created_at desc, id);
create index contact_statements_debtor_idx on contact_statements (tenant_id, contact_id, created_at desc);

-- Disputes open before bars existed stop contacts about their debts too (the listener marks new ones).
insert into contact_bars (id, tenant_id, contact_id, kind, debt_id, source, note, since)
select gen_random_uuid(), d.tenant_id, d.contact_id, 'DISPUTE', d.debt_id, 'dispute:' || d.id, null, d.opened_at
from debt_disputes d
where d.resolved_at is null
  and not exists (select 1 from contact_bars b where b.tenant_id = d.tenant_id and b.contact_id = d.contact_id
                  and b.kind = 'DISPUTE' and b.debt_id = d.debt_id and b.lifted_at is null);
