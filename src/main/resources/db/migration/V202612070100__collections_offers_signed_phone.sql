-- The number a settlement's signing code was texted to, masked as the copy of the agreement prints it
-- (+7 *** ***-45-67; docs/settlements.md, «The copy of the signed agreement»), kept when the debtor signs. Before it,
-- Kredo kept only the signature's record (cabinet_challenges: the code's keyed hash, when it was confirmed, and a
-- blind index of the phone, from which the number cannot be read back): the copies of those older signatures say that
-- the number was not kept. Only the masked form is kept: enough for the debtor to recognise his number.
alter table offers add column signed_phone text;
