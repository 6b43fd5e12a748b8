-- How an endpoint is doing, from its deliveries' attempts: the admin sees «отказывает (403)» or «не отвечает» with
-- the failures in a row and the last success, not «работает» for an endpoint that refuses every delivery. Kept up by
-- each attempt (DeliveryQueue.record); filled here from the attempts already made.
alter table webhook_endpoints add column last_success_at timestamptz;
alter table webhook_endpoints add column last_failure_at timestamptz;
alter table webhook_endpoints add column failures_in_a_row int not null default 0;
alter table webhook_endpoints add column last_failure_status int;
alter table webhook_endpoints add column last_failure_error text;

with success as (
    select d.endpoint_id, max(a.attempted_at) as last_success_at
    from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
    where a.status_code between 200 and 299
    group by d.endpoint_id),
failures as (
    select d.endpoint_id, count(*) as failures_in_a_row
    from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
    left join success s on s.endpoint_id = d.endpoint_id
    where not coalesce(a.status_code between 200 and 299, false)
      and a.attempted_at > coalesce(s.last_success_at, '-infinity')
    group by d.endpoint_id)
update webhook_endpoints e
set last_success_at = s.last_success_at, failures_in_a_row = coalesce(f.failures_in_a_row, 0)
from webhook_endpoints x
left join success s on s.endpoint_id = x.id
left join failures f on f.endpoint_id = x.id
where x.id = e.id and (s.endpoint_id is not null or f.endpoint_id is not null);

update webhook_endpoints e
set last_failure_at = f.attempted_at, last_failure_status = f.status_code, last_failure_error = f.error
from (select distinct on (d.endpoint_id) d.endpoint_id, a.attempted_at, a.status_code, a.error
      from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
      where not coalesce(a.status_code between 200 and 299, false)
      order by d.endpoint_id, a.attempted_at desc, a.id desc) f
where f.endpoint_id = e.id;
