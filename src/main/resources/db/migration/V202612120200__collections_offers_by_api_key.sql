-- Issue 15: a settlement offered from a conversation through the API (POST /api/v1/conversations/{id}/offers) is
-- offered by the agency's API key, as an answer written through the API names its key (conversation_messages.api_key_id):
-- no user stands behind a key the command line issued, and the staff's card names the key («API: <name>», kept in
-- rule_name as an operator's name is). Every offer has exactly one maker: a rule, an operator or a key.
alter table offers
    add column offered_by_api_key uuid references api_keys (id),
    drop constraint offers_rule_or_operator,
    add constraint offers_one_maker check (num_nonnulls(rule_id, offered_by, offered_by_api_key) = 1);

-- GET /api/v1/offers: the agency's offers in the order they were made, paged by a keyset (created_at, id).
create index offers_made_order_idx on offers (tenant_id, created_at, id);
