-- Certificates of repayment (справки о погашении задолженности), one per closed debt and tenant. The public page
-- finds them by code alone, so it reads only the masked columns; the PDF is kept (sealed: it is personal data) so
-- that issuing again hands out the very document whose hash is stored.
create table repayment_certificates (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id),
    debt_ref        uuid not null,
    code            text not null unique,
    pdf_sha256      char(64) not null,
    pdf_sealed      bytea not null,
    agency_name     text not null,
    debtor_masked   text not null,
    contract_masked text not null,
    closed_on       date not null,
    issued_on       date not null,
    issued_at       timestamptz not null,
    unique (tenant_id, debt_ref)
);
