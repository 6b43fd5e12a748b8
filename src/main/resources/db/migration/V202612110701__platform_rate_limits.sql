-- Limits that protect people (sign-in attempts, sign-in codes, password tries, certificate checks) counted in
-- PostgreSQL, so that N nodes allow no more than one (docs/security.md, docs/scaling.md). Keys are keyed hashes of the
-- login, address or phone (privacy.PersonalData's index key), never the values themselves.

-- Bucket4j's token buckets (its PostgreSQL integration, com.bucket4j:bucket4j_jdk17-postgresql): the bucket's state
-- as Bucket4j serialises it, and when a full bucket may be forgotten (milliseconds since the epoch).
create table rate_limit_buckets (
    id varchar(200) primary key,
    state bytea,
    expires_at bigint
);

create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);

-- Failures that make a key's next try wait, growing with every failure (platform/GrowingDelay): forgotten at forget_at.
create table rate_limit_failures (
    id varchar(200) primary key,
    failures int not null,
    last_at timestamptz not null,
    forget_at timestamptz not null
);

create index rate_limit_failures_forget on rate_limit_failures (forget_at);
