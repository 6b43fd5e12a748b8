-- An agency answers a debtor, or notes something, through the REST API (docs/conversations.md, «API»): the message is
-- the agency's as the debtor sees it, and the record names the API key that wrote it instead of a user. A debtor's
-- message has neither; an operator's or a note has exactly one of the two.
alter table conversation_messages add column api_key_id uuid references api_keys (id);
alter table conversation_messages drop constraint conversation_messages_check;
alter table conversation_messages add constraint conversation_messages_writer_check check (
    case when author = 'DEBTOR' then user_id is null and api_key_id is null
         else (user_id is null) <> (api_key_id is null) end);
