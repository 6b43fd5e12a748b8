-- The demo tenants are the only ones allowed to show sign-in codes on screen and to pay through the sandbox: a flag
-- set when the demo creates them, never by an operator. Existing demo tenants are found by their fixed names.
alter table tenants add column demo boolean not null default false;
update tenants set demo = true where name in ('Финансовый компас (демо)', 'ПКО «Возврат» (демо)');
