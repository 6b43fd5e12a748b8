-- Issue 14, «the loop»: a bureau's PERSONAL_DATA_CHANGED event with a new phone, raised on an agency's watch of its
-- debtor, adds the phone to the debtor's phones as one from the bureau, not confirmed. The debtor confirms it by
-- signing in to the cabinet with it (the code texted to it). Registries' phones stay what they were.
alter table debtor_phones
    add column source       text not null default 'REGISTRY',
    add column signal_id    uuid,
    add column event_id     bigint,
    add column confirmed_at timestamptz,
    add constraint debtor_phones_source check (source in ('REGISTRY', 'BUREAU')),
    -- A bureau's phone names the signal and the credit event it came from (no foreign keys, as signal_events has
    -- none: V202611232101).
    add constraint debtor_phones_bureau_origin check (source <> 'BUREAU' or (signal_id is not null and event_id is not null));
