-- The files a debtor attaches to his dispute (docs/debts.md, «Disputes»): checked and sealed as a conversation's files
-- are (name and content sealed: personal data), at most five a dispute (DisputeFiles.MAX_FILES). They are his evidence
-- in his interaction with the agency and are kept three years at least, as the conversation is (docs/retention.md).
create table dispute_attachments (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id),
    dispute_id   uuid not null references debt_disputes (id),
    contact_id   uuid not null references contacts (id),
    file_name    bytea not null,
    content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size         integer not null check (size > 0),
    content      bytea not null,
    created_at   timestamptz not null
);
create index dispute_attachments_dispute_idx on dispute_attachments (tenant_id, dispute_id);
create index dispute_attachments_debtor_idx on dispute_attachments (tenant_id, contact_id);

-- The retention rule of V202612062201, taught this table: a file younger than three years is not deleted.
create or replace function conversations_kept_three_years() returns trigger
language plpgsql as $$
declare
    written timestamptz;
begin
    if tg_op = 'TRUNCATE' then
        if exists (select 1 from conversation_messages where created_at > now() - interval '3 years')
           or exists (select 1 from conversations where last_message_at > now() - interval '3 years')
           or exists (select 1 from dispute_attachments where created_at > now() - interval '3 years') then
            raise exception 'conversation.retention: переписку с должником хранят не меньше трёх лет (230-ФЗ); в % есть записи моложе', tg_table_name
                using errcode = 'P0001';
        end if;
        return null;
    end if;
    if tg_table_name = 'conversations' then
        written := old.last_message_at;
    elsif tg_table_name = 'conversation_messages' or tg_table_name = 'dispute_attachments' then
        written := old.created_at;
    else
        select m.created_at into written from conversation_messages m where m.id = old.message_id;
    end if;
    if written is null or written > now() - interval '3 years' then
        raise exception 'conversation.retention: переписку с должником хранят не меньше трёх лет (230-ФЗ); запись от % в % можно удалить не раньше %',
            written, tg_table_name, written + interval '3 years'
            using errcode = 'P0001';
    end if;
    return old;
end;
$$;

create trigger dispute_attachments_kept before delete on dispute_attachments
    for each row execute function conversations_kept_three_years();
create trigger dispute_attachments_not_truncated before truncate on dispute_attachments
    for each statement execute function conversations_kept_three_years();
