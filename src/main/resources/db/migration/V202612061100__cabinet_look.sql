-- How an agency's cabinet looks to its debtors: its accent colour (#rrggbb, dark enough for white text and for links
-- on white: WCAG AA, 4.5:1) and its logo (a PNG or JPEG checked to be one, served from Kredo's own origin with its
-- type). No row means Kredo's calm default and the agency's name alone. version changes with every save, so the
-- logo's and the colour's addresses change and browsers may cache them for long.
create table cabinet_looks (
    tenant_id  uuid primary key references tenants (id),
    accent     text,
    logo       bytea,
    logo_type  text,
    version    bigint not null,
    updated_at timestamptz not null,
    constraint cabinet_looks_accent check (accent is null or accent ~ '^#[0-9a-f]{6}$'),
    constraint cabinet_looks_logo_type check ((logo is null) = (logo_type is null)
        and (logo_type is null or logo_type in ('image/png', 'image/jpeg')))
);
