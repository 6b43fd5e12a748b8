-- An agency's canned replies for its operators: a title and a text with placeholders ({имя}, {долг}, …) that the
-- conversation page fills in for the debtor at hand (docs/conversations.md). No personal data: templates only.
create table canned_replies (
    id         uuid primary key,
    tenant_id  uuid not null references tenants (id),
    title      text not null,
    text       text not null,
    created_at timestamptz not null
);
create index canned_replies_tenant_idx on canned_replies (tenant_id, title);
