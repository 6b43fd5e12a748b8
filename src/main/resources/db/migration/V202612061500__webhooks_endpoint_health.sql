-- How an endpoint is doing, from its deliveries' attempts: the admin sees «отказывает (403)» or «не отвечает» with
-- the failures in a row and the last success, not «работает» for an endpoint that refuses every delivery. Kept up by
-- each attempt (DeliveryQueue.record); filled here from the attempts already made.
alter table webhook_endpoints add column last_success_at timestamptz;
alter table webhook_endpoints add column last_failure_at timestamptz;
alter table webhook_endpoints add column failures_in_a_row int not null default 0;
alter table webhook_endpoints add column last_failure_status int;
alter table webhook_endpoints add column last_failure_error text;

update webhook_endpoints e
set last_success_at = h.last_success_at, failures_in_a_row = h.failures_in_a_row
from (select d.endpoint_id,
             max(a.attempted_at) filter (where a.status_code between 200 and 299) as last_success_at,
             count(*) filter (where not coalesce(a.status_code between 200 and 299, false)
                 and a.attempted_at > coalesce((select max(a2.attempted_at) from webhook_attempts a2
                     join webhook_deliveries d2 on d2.id = a2.delivery_id
                     where d2.endpoint_id = d.endpoint_id and a2.status_code between 200 and 299), '-infinity')) as failures_in_a_row
      from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
      group by d.endpoint_id) h
where h.endpoint_id = e.id;

update webhook_endpoints e
set last_failure_at = f.attempted_at, last_failure_status = f.status_code, last_failure_error = f.error
from (select distinct on (d.endpoint_id) d.endpoint_id, a.attempted_at, a.status_code, a.error
      from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
      where not coalesce(a.status_code between 200 and 299, false)
      order by d.endpoint_id, a.attempted_at desc, a.id desc) f
where f.endpoint_id = e.id;
