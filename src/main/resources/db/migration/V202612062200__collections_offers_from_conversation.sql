-- An operator may offer a debtor a settlement from their conversation (docs/settlements.md, «Offered from the
-- conversation»): such an offer has no rule; it names the operator who made it instead (rule_name then holds his name
-- as it was, for the staff's card). Every offer has exactly one of the two.
alter table offers
    alter column rule_id drop not null,
    add column offered_by uuid references users (id),
    add constraint offers_rule_or_operator check ((rule_id is null) <> (offered_by is null));
