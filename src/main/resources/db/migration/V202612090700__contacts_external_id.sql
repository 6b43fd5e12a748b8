-- Issue 15: the id of the person's row in the tenant's own system (a CRM's «ID»), given by the list upload and the
-- API, returned by every read and carried in webhooks. Optional; unique per tenant when given (a second contact
-- with the same id is refused, docs/list-import.md «External id»).
alter table contacts add column external_id text;
alter table contacts add constraint contacts_external_id_length
    check (external_id is null or (char_length(external_id) between 1 and 100));
create unique index contacts_external_id_idx on contacts (tenant_id, external_id) where external_id is not null;
