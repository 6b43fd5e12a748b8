-- When an away debtor was texted that this answer came (docs/conversations.md, «Telling an away debtor»): the text is
-- claimed by setting it, so a second delivery of the same message (an event publication resubmitted, docs/scaling.md)
-- texts nobody twice.
alter table conversation_messages add column debtor_told_at timestamptz;
