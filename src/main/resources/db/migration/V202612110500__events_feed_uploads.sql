-- Issue 15, «Onboarding a feed»: every delivery of credit events — a feed's push to /api/v1/events, a file the
-- operator uploads, a file the command line imports — is one row, its counts kept in memory while it runs and written
-- with its heartbeat and at its end (never a row per event: docs/credit-events.md, «Feeds»). The platform's rows.
create table feed_uploads (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    channel         text not null check (channel in ('API', 'FILE', 'COMMAND_LINE')),
    -- the feed's platform API key (channel API), else null
    api_key_id      uuid,
    -- the operator who uploaded the file (channel FILE), else null
    user_id         uuid,
    -- who sent it, as it was called then: the key's name, the operator's name, «command line»
    sender_name     text not null,
    file_name       text,
    status          text not null check (status in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    run_id          uuid,
    node            text,
    started_at      timestamptz not null,
    updated_at      timestamptz not null,
    finished_at     timestamptz,
    received        bigint not null default 0,
    accepted        bigint not null default 0,
    duplicates      bigint not null default 0,
    rejected        bigint not null default 0,
    -- accepted events that matched at least one watch, and the new signals they raised (folds not counted)
    matched         bigint not null default 0,
    signals_raised  bigint not null default 0,
    check ((channel = 'API') = (api_key_id is not null))
);
create index feed_uploads_newest_idx on feed_uploads (tenant_id, started_at desc, id desc);
create index feed_uploads_key_idx on feed_uploads (tenant_id, api_key_id, started_at desc, id desc)
    where api_key_id is not null;
create index feed_uploads_running_idx on feed_uploads (status) where status = 'RUNNING';
