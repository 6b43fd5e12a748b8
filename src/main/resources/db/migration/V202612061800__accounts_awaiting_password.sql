-- An invited user who has not yet set his password by his link: the users list shows him as invited (not active),
-- with his invitation's expiry and a way to send the link again. Cleared whenever a password is set.
alter table users add column awaiting_password boolean not null default false;

-- Users invited before this column: an invitation link and no password ever set by a link or changed by themselves.
update users u set awaiting_password = true
where exists (select 1 from password_links l where l.user_id = u.id and l.purpose = 'INVITE')
  and not exists (select 1 from audit_events a where a.tenant_id = u.tenant_id and a.action = 'USER_CHANGED'
                  and a.object_id = u.id::text and a.detail in ('password-set-by-link', 'password-changed'));
