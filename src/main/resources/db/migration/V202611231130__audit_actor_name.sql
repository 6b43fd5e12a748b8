-- Who acted, as people read it (a user's name, an API key's name), beside the stable id in "actor".
alter table audit_events add column actor_name text;
