-- Every attempt to contact a debtor, whatever came of it (docs/contact-rules.md): a message sent, held for its next
-- allowed moment, refused by a bar or dropped as stale, and every call an operator made or a robot held. The counts
-- of ст. 7 230-ФЗ are read from here (counted = a collection contact that reached him), the held messages are sent
-- from here, and the debtor's log and its export are this table. Kept at least three years (467-ФЗ), as the
-- conversations are: the database refuses to delete younger rows.
create table contact_attempts (
    id          uuid        primary key,
    tenant_id   uuid        not null references tenants (id),
    contact_id  uuid        not null references contacts (id),
    debt_id     uuid        references debts (id),
    channel     text        not null check (channel in ('SMS', 'EMAIL', 'MESSENGER', 'VOICE_MESSAGE', 'GOSUSLUGI',
                                                        'CALL', 'VOICE_ROBOT')),
    kind        text        not null check (kind in ('MESSAGE', 'CALL')),
    initiative  text        not null check (initiative in ('COLLECTION', 'REQUESTED_CODE', 'REPLY')),
    -- SENT: reached the channel (or, a call, was made); HELD: waits until due_at; REFUSED: a bar; DROPPED: stale or
    -- nowhere to send; FAILED: the channel refused it (nothing reached him, nothing counted)
    state       text        not null check (state in ('SENT', 'HELD', 'REFUSED', 'DROPPED', 'FAILED')),
    reason      text,
    counted     boolean     not null default false,
    -- what the message was (a template's key or a call's purpose), its text and address sealed
    purpose     text        not null,
    address     bytea,
    body        bytea,
    due_at      timestamptz,
    not_after   timestamptz,
    sent_at     timestamptz,
    -- a call's outcome and who made it
    outcome     text,
    actor       text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (state <> 'HELD' or due_at is not null),
    check (not counted or (state = 'SENT' and initiative = 'COLLECTION' and sent_at is not null))
);
-- the counts: a debtor's counted contacts of a kind, newest first
create index contact_attempts_counted_idx on contact_attempts (tenant_id, contact_id, kind, sent_at desc) where counted;
-- the debtor's log, newest first
create index contact_attempts_log_idx on contact_attempts (tenant_id, contact_id, created_at desc, id);
-- the held messages' queue, claimed with skip locked by whichever node is free
create index contact_attempts_held_idx on contact_attempts (due_at) where state = 'HELD';

-- What stops contacts with a debtor (docs/contact-rules.md): bankruptcy, a refusal, a representative, a dispute on a
-- debt, a deceased or minor debtor. A bar stands from since until lifted; lifted ones stay as the record.
create table contact_bars (
    id          uuid        primary key,
    tenant_id   uuid        not null references tenants (id),
    contact_id  uuid        not null references contacts (id),
    kind        text        not null check (kind in ('BANKRUPTCY', 'REFUSAL', 'REPRESENTATIVE', 'DISPUTE', 'DECEASED',
                                                     'MINOR')),
    debt_id     uuid        references debts (id),
    -- where it came from: an operator's mark, a credit event, a dispute, the debtor's own statement
    source      text        not null,
    note        text,
    since       timestamptz not null,
    lifted_at   timestamptz,
    lifted_by   text,
    check (kind <> 'DISPUTE' or debt_id is not null)
);
create index contact_bars_standing_idx on contact_bars (tenant_id, contact_id) where lifted_at is null;

create function contact_attempts_kept_three_years() returns trigger
language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        if exists (select 1 from contact_attempts where created_at > now() - interval '3 years') then
            raise exception 'contact.retention: журнал взаимодействий с должником хранят не меньше трёх лет (230-ФЗ); в нём есть записи моложе'
                using errcode = 'P0001';
        end if;
        return null;
    end if;
    if old.created_at > now() - interval '3 years' then
        raise exception 'contact.retention: журнал взаимодействий с должником хранят не меньше трёх лет (230-ФЗ); запись от % можно удалить не раньше %',
            old.created_at, old.created_at + interval '3 years'
            using errcode = 'P0001';
    end if;
    return old;
end;
$$;

create trigger contact_attempts_kept before delete on contact_attempts
    for each row execute function contact_attempts_kept_three_years();
create trigger contact_attempts_not_truncated before truncate on contact_attempts
    for each statement execute function contact_attempts_kept_three_years();
