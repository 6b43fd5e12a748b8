-- GET /api/v1/watches pages by (created_at, id) with a cursor (issue 15, docs/api-lists.md): read a page from here.
create index watches_tenant_created_idx on watches (tenant_id, created_at, id);
