-- An agency admin may switch a rule off (it makes no new offers; the offers it made stay as they were) and edit it
-- (new offers follow the new terms). A rule may be deleted only while it has made no offer: offers keep their rule_id.
alter table offer_rules
    add column enabled    boolean not null default true,
    add column updated_at timestamptz;

-- Whether a rule has made any offer (it may then not be deleted), and how many, read per rule on the rules page.
create index offers_rule_idx on offers (rule_id);
