-- The number a plan's signing code was texted to, masked as the copy of the agreement prints it (+7 *** ***-45-67),
-- kept when the debtor signs — as a settlement's (offers.signed_phone, V202612070100). Plans signed before it kept only
-- the signature's record: their copies say that the number was not kept.
alter table plans add column signed_phone text;
