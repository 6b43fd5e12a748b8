-- A debtor may sign in to the cabinet with any number a registry gave for him: found by the number's blind index.
create index debtor_phones_number_idx on debtor_phones (tenant_id, phone_index);
