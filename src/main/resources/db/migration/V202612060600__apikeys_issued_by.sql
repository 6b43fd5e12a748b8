-- Who issued a key: a key outlives its issuer's session, so it must not outlive his powers either. A key issued
-- from the «API-ключи» page recorded its issuer as created_by 'user:<id>'; those are carried over. The rest (the
-- command line's first key of a tenant, anything older) have no known issuer.
alter table api_keys add column issued_by uuid references users (id);

update api_keys k set issued_by = u.id
from users u
where k.created_by ~ '^user:[0-9a-f-]{36}$'
  and u.id = substring(k.created_by from 6)::uuid
  and u.tenant_id = k.tenant_id;

create index api_keys_issued_by_idx on api_keys (issued_by) where revoked_at is null;
