-- Leases of the scheduled sweeps that must not run on several nodes at once (ShedLock's JDBC provider, its table as
-- its documentation gives it for PostgreSQL; platform/database/SchedulerLocks, docs/scaling.md).
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null,
    primary key (name)
);
