-- Issue 14, «then only the representative» (docs/contact-rules.md «The representative»): while a confirmed
-- representative's statement stands, the agency's messages that would go to the debtor go to his advocate's phone
-- (or e-mail) instead. The log says to whom each attempt went: the debtor himself, or his representative (the address
-- is then the representative's, sealed as any other). Every row before this one went to the debtor.
alter table contact_attempts add column recipient text not null default 'DEBTOR'
    check (recipient in ('DEBTOR', 'REPRESENTATIVE'));
