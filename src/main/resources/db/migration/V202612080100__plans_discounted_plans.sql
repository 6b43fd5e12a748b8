-- A restructuring plan combined with a discount (docs/plans.md, «A plan with a discount»): the plan repays the
-- discounted sum of the debt's offer, and discounted_from is the balance the discount was made on (null: a plan of
-- the whole balance, nothing forgiven). Its completion forgives the rest as a paid settlement does.
alter table plans add column discounted_from bigint check (discounted_from is null or discounted_from > total);

-- The offer a discounted plan took, signed with the plan: its sum is the plan's, it does not lapse by its own dates
-- while the plan runs (the plan's signature fixes the discount), and it is released (open again) when the plan breaks.
alter table offers add column plan_id uuid;
