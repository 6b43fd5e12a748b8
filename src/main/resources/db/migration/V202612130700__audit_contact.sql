-- The person an audit entry is about (a contact's id), so that one search by the person finds the entries on his
-- conversation, document requests, statements, plans, debts, watches and signals too, not only those on his card (152-ФЗ: «who looked
-- at my data?», docs/personal-data.md). Null for entries about no one person (a user, a rule, a webhook…).
alter table audit_events add column contact_id uuid;

-- The entries written before: the person is derived from the object each names. Every object kind below belongs to
-- one contact; an entry whose object is gone (none is deleted today) stays found by its object only.
update audit_events set contact_id = object_id::uuid
where object_type = 'contact'
  and object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

update audit_events a set contact_id = o.contact_id
from conversations o where a.object_type = 'conversation' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from document_requests o where a.object_type = 'document-request' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from contact_statements o where a.object_type = 'contact-statement' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from plans o where a.object_type = 'plan' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from debts o where a.object_type = 'debt' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from watches o where a.object_type = 'watch' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

update audit_events a set contact_id = o.contact_id
from signals o where a.object_type = 'signal' and o.tenant_id = a.tenant_id and a.object_id = o.id::text;

-- The audit page's search by person: `object_id = ? or contact_id = ?`, each arm on its own index.
create index audit_events_tenant_contact_idx on audit_events (tenant_id, contact_id, occurred_at desc)
    where contact_id is not null;
