-- Invitations to the cabinet (issue 14, the loop; docs/invitations.md): an agency invites a portfolio's debtors, or
-- Kredo invites a debtor on a sign of new money in his credit history; each debtor gets a text with a personal link,
-- through the contact gate (so only when the rules allow). The link's token is kept only as its hash; the visitor who
-- opens it is counted in the cabinet's funnel under the invitation (first touch wins), so the agency sees which
-- invitations bring sign-ins and payments.
create table cabinet_invitations (
    id           uuid        primary key,
    tenant_id    uuid        not null references tenants (id),
    source       text        not null check (source in ('PORTFOLIO', 'NEW_MONEY')),
    portfolio_id uuid        references portfolios (id),
    created_at   timestamptz not null,
    created_by   text        not null,
    check (source <> 'PORTFOLIO' or portfolio_id is not null)
);
create index cabinet_invitations_tenant_idx on cabinet_invitations (tenant_id, created_at desc);

-- One debtor invited: waiting to be sent (token_hash null), or sent through the gate with what became of it.
create table cabinet_invitation_links (
    id            uuid        primary key,
    tenant_id     uuid        not null references tenants (id),
    invitation_id uuid        not null references cabinet_invitations (id),
    contact_id    uuid        not null references contacts (id),
    token_hash    bytea       unique,
    attempt_id    uuid,
    state         text        check (state in ('SENT', 'HELD', 'REFUSED', 'DROPPED', 'FAILED')),
    created_at    timestamptz not null,
    sent_at       timestamptz,
    opened_at     timestamptz,
    unique (invitation_id, contact_id)
);
-- the sender's queue: links not yet sent, claimed with skip locked by whichever node is free
create index cabinet_invitation_links_pending_idx on cabinet_invitation_links (created_at) where token_hash is null;
create index cabinet_invitation_links_contact_idx on cabinet_invitation_links (tenant_id, contact_id, created_at desc);

-- The invitation a cabinet visitor came by (his first): the funnel per invitation.
create table cabinet_funnel_sources (
    tenant_id     uuid        not null references tenants (id),
    visitor       uuid        not null,
    invitation_id uuid        not null references cabinet_invitations (id),
    at            timestamptz not null,
    primary key (tenant_id, visitor)
);
create index cabinet_funnel_sources_invitation_idx on cabinet_funnel_sources (invitation_id);
