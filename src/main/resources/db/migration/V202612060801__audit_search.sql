-- The audit log is searched by actor and by subject (a contact, a watch…) within a tenant, newest first; a view of a
-- watch's card is recorded at most once per user and watch in a window, which looks up the same subject index.
create index audit_events_tenant_actor_idx on audit_events (tenant_id, actor, occurred_at desc);
create index audit_events_tenant_object_idx on audit_events (tenant_id, object_id, occurred_at desc) where object_id is not null;
