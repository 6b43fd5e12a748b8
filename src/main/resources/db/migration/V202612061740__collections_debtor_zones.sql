-- Where a debtor lives is his, not each debt's: one row per debtor of an agency, which all his debts read. The 230-ФЗ
-- contact hours are his local time, whichever debt a contact is about (docs/calendar.md).
create table debtor_zones (
    tenant_id  uuid not null references tenants (id),
    contact_id uuid not null references contacts (id),
    region     text,
    time_zone  text,
    updated_at timestamptz not null,
    primary key (tenant_id, contact_id),
    check (region is not null or time_zone is not null)
);

-- Each debtor takes what his debts said; where they disagreed, the most recently updated (or, never updated, created)
-- of his debts that said anything wins.
insert into debtor_zones (tenant_id, contact_id, region, time_zone, updated_at)
select distinct on (tenant_id, contact_id) tenant_id, contact_id, region, time_zone, coalesce(updated_at, created_at)
from debts
where region is not null or time_zone is not null
order by tenant_id, contact_id, coalesce(updated_at, created_at) desc, id;

alter table debts drop column region, drop column time_zone;
