-- An agency's legal details, as its documents (the certificate of repayment) print them.
create table agency_requisites (
    tenant_id  uuid primary key references tenants (id),
    full_name  text not null,
    inn        text not null,
    ogrn       text not null,
    address    text not null,
    phone      text not null,
    updated_at timestamptz not null
);
