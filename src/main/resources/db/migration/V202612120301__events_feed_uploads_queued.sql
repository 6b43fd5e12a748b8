-- Issue 16: a push published to Kafka is an upload of its feed too. queued: the valid events the broker acknowledged
-- (null for an upload stored at once); the consuming nodes add accepted, duplicates, matched and signals_raised to the
-- row in each chunk's own transaction, as they store its events.
alter table feed_uploads add column queued bigint;
