-- GET /api/v1/contacts pages by (created_at, id) with a cursor (issue 15, docs/api-lists.md): read a page from here.
create index contacts_tenant_created_idx on contacts (tenant_id, created_at, id);
