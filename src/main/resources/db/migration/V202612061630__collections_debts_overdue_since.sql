-- The day a debt fell overdue, as the registry gives it («Дата возникновения просрочки») or worked out on upload as
-- the upload's day (Moscow) less the days past due the registry gave. Days past due are counted from it when read,
-- so they grow as the debt ages (offer rules «older than N days» go on matching); days_past_due stays as the figure
-- the registry stated. Existing debts: their last upload's (or creation's) day less the days they were given.
alter table debts add column overdue_since date;
update debts set overdue_since = (coalesce(updated_at, created_at) at time zone 'Europe/Moscow')::date - days_past_due
where days_past_due is not null;
