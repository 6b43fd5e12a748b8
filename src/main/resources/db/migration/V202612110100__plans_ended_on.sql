-- The debtor's day a plan broke (in his time zone, on his agency's clock: docs/plans.md «Adherence»): the agency's
-- adherence expects nothing of a broken plan due after it. Counted on his day, not on the day the row was last written
-- in the database's zone. Plans that broke before have none; the adherence reads their last update's day in his zone.
alter table plans add column ended_on date;
