-- Ч. 1 ст. 7 230-ФЗ forbids interaction, from the day the creditor receives the documents, with a debtor deprived of or
-- limited in legal capacity, treated as an in-patient, or disabled of the first group, beside a minor (already here):
-- three more kinds an operator marks (docs/contact-rules.md «Sources»).
alter table contact_bars drop constraint contact_bars_kind_check;
alter table contact_bars add constraint contact_bars_kind_check
    check (kind in ('BANKRUPTCY', 'REFUSAL', 'REPRESENTATIVE', 'DISPUTE', 'DECEASED', 'MINOR', 'INCAPACITY', 'HOSPITAL',
                    'DISABILITY_GROUP_1'));
