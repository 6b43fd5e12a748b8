-- Which client address asked for a code, as a keyed hash (never the address itself): code requests are limited per
-- phone and address, so that a stranger's requests do not use up the debtor's own (docs/security.md).
alter table cabinet_challenges add column requested_from bytea;
