-- One digest per user and day, even if the job runs twice (a restart, two instances).
create table digest_runs (
    tenant_id  uuid not null references tenants (id),
    user_id    uuid not null references users (id),
    day        date not null,
    signals    int not null,
    sent_at    timestamptz not null,
    primary key (user_id, day)
);
