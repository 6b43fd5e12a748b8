-- What the debtor's cabinet shows of the agency besides its legal details: its working hours, e-mail and entry in
-- ФССП's state register of collection agencies (230-ФЗ), and its own privacy policy and consent texts (152-ФЗ).
-- A null text means the default one, written from the requisites, so it follows them when they change.
alter table agency_requisites
    add column hours          text,
    add column email          text,
    add column registry_entry text,
    add column privacy_policy text,
    add column consent_text   text;
