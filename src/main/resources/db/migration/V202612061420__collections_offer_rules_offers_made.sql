-- How many offers each rule ever made: offers that lapse unsigned are deleted (and renewed), so counting today's
-- offers would let a rule that was shown to debtors be deleted. A rule that has made an offer is only switched off.
alter table offer_rules add column offers_made bigint not null default 0 check (offers_made >= 0);
update offer_rules r set offers_made = (select count(*) from offers o where o.rule_id = r.id);
