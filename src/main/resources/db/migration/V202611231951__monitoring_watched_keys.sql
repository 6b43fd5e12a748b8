-- The first eight bytes of a blind index as a bigint: the key of the in-memory prefilter of watched people.
create function watched_key(index bytea) returns bigint language sql immutable strict parallel safe
    as $$ select ('x' || encode(substring(index from 1 for 8), 'hex'))::bit(64)::bigint $$;

-- Keys of people who became watched: appended (by the triggers below, whichever code path changed the rows) when a
-- watch becomes active or a watched contact's blind indexes change. Each node keeps the keys of all active watches in
-- memory and catches up by reading the rows of transactions its previous read could not see (xid at or after that
-- read's snapshot xmin), so an event of an unwatched person never needs a database lookup, and none is missed.
create table watched_keys (
    key      bigint not null,
    xid      xid8 not null default pg_current_xact_id(),
    added_at timestamptz not null default now()
);
create index watched_keys_xid_idx on watched_keys (xid);
create index watched_keys_added_idx on watched_keys (added_at);

create function watched_keys_of_new_watches() returns trigger language plpgsql as $$
begin
    insert into watched_keys (key)
    select watched_key(k)
    from new_watches w
    join contacts c on c.id = w.contact_id
    cross join lateral (values (c.passport_index), (c.name_dob_index)) as v(k)
    where w.status = 'ACTIVE' and k is not null;
    return null;
end $$;

create function watched_keys_of_changed_watches() returns trigger language plpgsql as $$
begin
    insert into watched_keys (key)
    select watched_key(k)
    from new_watches w
    join old_watches o on o.id = w.id
    join contacts c on c.id = w.contact_id
    cross join lateral (values (c.passport_index), (c.name_dob_index)) as v(k)
    where w.status = 'ACTIVE' and k is not null and (o.status <> 'ACTIVE' or o.contact_id <> w.contact_id);
    return null;
end $$;

create trigger watches_keys_inserted after insert on watches
    referencing new table as new_watches for each statement execute function watched_keys_of_new_watches();
create trigger watches_keys_updated after update on watches
    referencing old table as old_watches new table as new_watches
    for each statement execute function watched_keys_of_changed_watches();

create function watched_keys_of_contacts() returns trigger language plpgsql as $$
begin
    insert into watched_keys (key)
    select watched_key(k)
    from new_contacts c
    join old_contacts o on o.id = c.id
    cross join lateral (values (c.passport_index), (c.name_dob_index)) as v(k)
    where k is not null
      and (c.passport_index is distinct from o.passport_index or c.name_dob_index is distinct from o.name_dob_index)
      and exists (select 1 from watches w where w.contact_id = c.id and w.status = 'ACTIVE');
    return null;
end $$;

create trigger contacts_keys_updated after update on contacts
    referencing old table as old_contacts new table as new_contacts for each statement execute function watched_keys_of_contacts();
