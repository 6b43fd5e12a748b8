-- Issue 15: a debt's id in the registry or the agency's own system («ID», «ID долга», «Номер в реестре»), read from
-- the upload's column, returned by the API, looked up by, and carried in webhook payloads that name the debt.
-- Optional; unique per agency when given, as contacts' (docs/portfolio-import.md «External id»).
alter table debts add column external_id text;
alter table debts add constraint debts_external_id_length
    check (external_id is null or (char_length(external_id) between 1 and 100));
create unique index debts_external_id_idx on debts (tenant_id, external_id) where external_id is not null;
