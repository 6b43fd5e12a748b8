-- When the debtor was texted that his request was answered or declined: set in the transaction that sends the text,
-- so a second delivery of the closing (an event publication resubmitted, docs/scaling.md) texts him once.
alter table document_requests add column debtor_told_at timestamptz;
