-- A batch's publication carries every signal it raised (tens of kilobytes of JSON per chunk of events), written once
-- and read back only after a crash. PostgreSQL compressed it with pglz on every insert: ~2.5% of the database's CPU
-- while ingesting (perf, docs/benchmarks.md). It is now stored as is, out of line; a publication is deleted once its
-- listeners are done (spring.modulith.events.completion-mode: delete), so the disk it takes is brief.
alter table event_publication alter column serialized_event set storage external;
