-- The API lists an agency's debts in the order they were added (created_at, id), paged by cursor (issue 15).
create index debts_added_idx on debts (tenant_id, created_at, id);
