-- The debtor's documents from his agency (docs/conversations.md, «Documents on request»): PDFs an operator sent him,
-- as the answer to one of his requests or from the conversation, each with its title; title, file name and content
-- sealed (personal data). created_by is the operator, null when an API key answered.
create table debtor_documents (
    id          uuid primary key,
    tenant_id   uuid not null references tenants (id),
    contact_id  uuid not null references contacts (id),
    source      text not null check (source in ('REQUEST', 'CONVERSATION')),
    title       bytea not null,
    file_name   bytea not null,
    size        integer not null check (size > 0),
    content     bytea not null,
    created_by  uuid references users (id),
    created_at  timestamptz not null,
    unique (tenant_id, id)
);
create index debtor_documents_debtor_idx on debtor_documents (tenant_id, contact_id, created_at desc);

-- A debtor's request for a document Kredo does not make by itself: its type, the debt it is about, his comment
-- (sealed), and how it ended: answered with one of his documents, or declined with a reason he reads (sealed). While
-- open it waits for an answer in the agency's inbox (the first-reply SLA counts from created_at). At most one open
-- request of a type per debt.
create table document_requests (
    id             uuid primary key,
    tenant_id      uuid not null references tenants (id),
    contact_id     uuid not null references contacts (id),
    debt_id        uuid not null references debts (id),
    type           text not null check (type in ('NOTICE_OF_ASSIGNMENT', 'ASSIGNMENT_EXTRACT', 'DEBT_CALCULATION',
                                                 'BANK_CERTIFICATE', 'OTHER')),
    comment        bytea,
    state          text not null check (state in ('OPEN', 'ANSWERED', 'DECLINED')),
    created_at     timestamptz not null,
    closed_at      timestamptz,
    closed_by      uuid references users (id),
    decline_reason bytea,
    document_id    uuid,
    foreign key (tenant_id, document_id) references debtor_documents (tenant_id, id),
    check ((state = 'OPEN') = (closed_at is null)),
    check ((state = 'ANSWERED') = (document_id is not null)),
    check ((state = 'DECLINED') = (decline_reason is not null))
);
create unique index document_requests_one_open_idx on document_requests (tenant_id, debt_id, type) where state = 'OPEN';
create index document_requests_inbox_idx on document_requests (tenant_id, state, created_at);
create index document_requests_debtor_idx on document_requests (tenant_id, contact_id, created_at desc);
