-- The conversation is the agency's record of its interaction with the debtor, which the law (230-ФЗ as amended by
-- 467-ФЗ) has it keep for at least three years (docs/retention.md). Nothing in Kredo deletes a conversation, its
-- messages or their files; this makes sure nothing can while they are younger than that: a delete (by any path:
-- a statement, a cascade from a debtor, a tenant or a future erasure request) of a conversation whose last message, a
-- message, or a file of a message written less than three years ago is refused with the reason, and so is a TRUNCATE
-- while any such message exists. Older ones may be deleted.
create function conversations_kept_three_years() returns trigger
language plpgsql as $$
declare
    written timestamptz;
begin
    if tg_op = 'TRUNCATE' then
        if exists (select 1 from conversation_messages where created_at > now() - interval '3 years')
           or exists (select 1 from conversations where last_message_at > now() - interval '3 years') then
            raise exception 'conversation.retention: переписку с должником хранят не меньше трёх лет (230-ФЗ); в % есть записи моложе', tg_table_name
                using errcode = 'P0001';
        end if;
        return null;
    end if;
    if tg_table_name = 'conversations' then
        written := old.last_message_at;
    elsif tg_table_name = 'conversation_messages' then
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

create trigger conversations_kept before delete on conversations
    for each row execute function conversations_kept_three_years();
create trigger conversation_messages_kept before delete on conversation_messages
    for each row execute function conversations_kept_three_years();
create trigger conversation_attachments_kept before delete on conversation_attachments
    for each row execute function conversations_kept_three_years();
create trigger conversations_not_truncated before truncate on conversations
    for each statement execute function conversations_kept_three_years();
create trigger conversation_messages_not_truncated before truncate on conversation_messages
    for each statement execute function conversations_kept_three_years();
create trigger conversation_attachments_not_truncated before truncate on conversation_attachments
    for each statement execute function conversations_kept_three_years();
