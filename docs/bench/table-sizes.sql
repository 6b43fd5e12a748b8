-- What a stored event, signal, link, contact and watch take on disk, with their indexes: the bytes per row that
-- docs/scaling.md «Capacity» quotes. Run it against the ingestion benchmark's database after its runs (the tables then
-- hold the last run's 1,000,000 events and 1,000,000 watches): start a server on target/bench/data/postgres (a copy,
-- owned by the postgres user, with the embedded server's binaries) and `PGPASSWORD=$(cat target/bench/data/postgres.password)
-- psql -h localhost -p <port> -U postgres -f docs/bench/table-sizes.sql` (the embedded server asks for its password).
select relname as "table",
       n_live_tup as "rows",
       pg_size_pretty(pg_relation_size(relid)) as heap,
       pg_size_pretty(pg_indexes_size(relid)) as indexes,
       round(pg_total_relation_size(relid)::numeric / nullif(n_live_tup, 0)) as "bytes a row, with its indexes"
from pg_stat_user_tables
where relname in ('credit_events', 'signals', 'signal_events', 'contacts', 'watches')
order by relname;
