-- How many parts a rule's discounted sum may be paid in, how far apart they fall due, and how many days late a part
-- may be before the offer lapses. Rules made before this pay in full by the offer's date, as they always did.
alter table offer_rules
    add column max_parts     int  not null default 1 check (max_parts between 1 and 12),
    add column part_interval text not null default 'MONTH' check (part_interval in ('WEEK', 'TWO_WEEKS', 'MONTH')),
    add column grace_days    int  not null default 0 check (grace_days between 0 and 30);

-- An offer keeps the policy of the rule that made it (a rule changed later does not change it), and the terms as the
-- debtor read and signed them.
alter table offers
    add column max_parts     int  not null default 1,
    add column part_interval text not null default 'MONTH',
    add column grace_days    int  not null default 0,
    add column signed_terms  text;

-- The schedule an accepted offer is paid by; its parts sum to the offer's amount to the kopeck.
create table offer_parts (
    tenant_id uuid   not null references tenants (id),
    offer_id  uuid   not null references offers (id),
    number    int    not null check (number >= 1),
    due_on    date   not null,
    amount    bigint not null check (amount > 0),
    primary key (offer_id, number)
);

-- Offers accepted before parts existed are one part, due by the offer's date.
insert into offer_parts (tenant_id, offer_id, number, due_on, amount)
select tenant_id, id, 1, valid_until, offer_amount from offers where accepted_at is not null;
