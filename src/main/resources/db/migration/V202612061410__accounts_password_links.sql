-- One-time links that let a user set his password: an admin's invitation of a new user, or a reset of a user's
-- password. Only the SHA-256 of the token is kept; a link works once, until it expires; issuing a new one for a user
-- ends his earlier ones.
create table password_links (
    id          uuid primary key,
    tenant_id   uuid not null references tenants (id),
    user_id     uuid not null references users (id),
    purpose     text not null check (purpose in ('INVITE', 'RESET')),
    token_hash  bytea not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_by  uuid references users (id),
    created_at  timestamptz not null
);
create index password_links_user_idx on password_links (user_id);
