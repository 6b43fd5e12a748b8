-- (source, event id) is what identifies a credit event, and its unique key stays; the bigint id only names the events
-- that signals point at (signal_events.event_id, a person's timeline), and those are events about watched people, the
-- only ones kept with their subject. A second B-tree over every stored event for the id cost a COPY of 1,000,000
-- events about a second (docs/bench/unique-key.sql: 3.6-4.0 s with both keys, 2.3-2.9 s with the unique key alone).
-- Only the ids of events kept with their subject are indexed now. Ids still come from the sequence alone
-- (EventStore), so they stay unique; the unique key identifies a row where PostgreSQL needs one (replication).
alter table credit_events drop constraint credit_events_pkey;
alter table credit_events replica identity using index credit_events_source_source_event_id_key;
create unique index credit_events_subject_id_idx on credit_events (id) where subject is not null;
