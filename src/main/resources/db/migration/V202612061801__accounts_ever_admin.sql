-- Whether the user has ever been an admin: a tenant's admin resets only the password of a user who never was one, so
-- that demoting another admin and then resetting him as a manager does not take his account over either. Only the
-- platform's operator resets such a password (docs/staff-access.md).
alter table users add column ever_admin boolean not null default false;

update users set ever_admin = true where role = 'ADMIN';
-- Demoted before this column (the audit log's role changes): counted as having been admins, to be safe.
update users u set ever_admin = true
where exists (select 1 from audit_events a where a.tenant_id = u.tenant_id and a.action = 'USER_CHANGED'
              and a.object_id = u.id::text and a.detail like 'role:%');
