-- The written conversation between a debtor and his agency (docs/conversations.md): one per agency and debtor, its
-- messages (text sealed: personal data), the files attached to them (sealed too), and per side how many of the other
-- side's messages are unread. waiting_since is when the debtor's oldest message that no operator has answered yet was
-- written (null when none waits): the inbox's waiting time and order.
create table conversations (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    contact_id      uuid not null references contacts (id),
    assignee        uuid references users (id),
    created_at      timestamptz not null,
    last_message_at timestamptz not null,
    waiting_since   timestamptz,
    staff_unread    integer not null default 0 check (staff_unread >= 0),
    debtor_unread   integer not null default 0 check (debtor_unread >= 0),
    staff_read_at   timestamptz,
    debtor_read_at  timestamptz,
    unique (tenant_id, contact_id),
    unique (tenant_id, id)
);
-- The inbox: waiting ones first (the longest waiting first), then the latest.
create index conversations_inbox_idx on conversations (tenant_id, waiting_since nulls last, last_message_at desc);
create index conversations_assignee_idx on conversations (tenant_id, assignee);

create table conversation_messages (
    id              bigint generated always as identity primary key,
    tenant_id       uuid not null,
    conversation_id uuid not null,
    author          text not null check (author in ('DEBTOR', 'OPERATOR', 'NOTE')),
    user_id         uuid references users (id),
    text            bytea not null,
    created_at      timestamptz not null,
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id),
    check ((author = 'DEBTOR') = (user_id is null))
);
create index conversation_messages_conversation_idx on conversation_messages (tenant_id, conversation_id, id);

create table conversation_attachments (
    id              uuid primary key,
    tenant_id       uuid not null,
    conversation_id uuid not null,
    message_id      bigint not null references conversation_messages (id),
    file_name       bytea not null,
    content_type    text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size            integer not null check (size > 0),
    content         bytea not null,
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
create index conversation_attachments_message_idx on conversation_attachments (message_id);
