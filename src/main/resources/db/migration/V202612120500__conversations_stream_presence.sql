-- The live pages open on each node, when the fan-out goes through PostgreSQL (kredo.conversations.fanout=postgres,
-- docs/conversations.md «Several nodes»): one row per open page (server-sent events stream) and what it watches — a
-- debtor's chat, a conversation, an agency's inbox — refreshed by its node's heartbeat. A debtor counts as away when
-- no fresh row watches his chat, whichever node holds it. Only ids: the topic names a tenant, a debtor or a
-- conversation by its id. Rows of a node that died go stale and are deleted by any node.
create table conversation_stream_presence (
    id       uuid primary key,
    node     uuid not null,
    topic    text not null,
    seen_at  timestamptz not null
);
create index conversation_stream_presence_topic_idx on conversation_stream_presence (topic, seen_at);
create index conversation_stream_presence_node_idx on conversation_stream_presence (node);
