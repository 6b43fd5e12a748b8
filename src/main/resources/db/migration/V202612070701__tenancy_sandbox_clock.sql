-- Sandbox tenants and their test clocks (ru.kredo.tenancy.TenantClocks, docs/sandbox.md). A tenant is a sandbox from
-- its creation or never: the demo's tenants are, an operator may create one so (the platform's form, the command
-- line), and nothing changes the flag afterwards (the trigger refuses it), so a real tenant never becomes one. Only a
-- sandbox's clock may be moved (the check), and only forward (the trigger): clock_offset_days is how many days its
-- today is ahead of the system's.
alter table tenants add column sandbox boolean not null default false;
update tenants set sandbox = true where demo;
alter table tenants add column clock_offset_days int not null default 0
    check (clock_offset_days >= 0 and clock_offset_days <= 3650);
alter table tenants add constraint tenants_only_a_sandbox_moves_its_clock check (sandbox or clock_offset_days = 0);

create function tenants_sandbox_fixed() returns trigger language plpgsql as $$
begin
    if new.sandbox is distinct from old.sandbox then
        raise exception 'a tenant''s sandbox flag is set at its creation and never changed (tenant %)', old.id;
    end if;
    if new.clock_offset_days < old.clock_offset_days then
        raise exception 'a test clock moves forward only (tenant %)', old.id;
    end if;
    return new;
end $$;

create trigger tenants_sandbox_fixed before update on tenants
    for each row execute function tenants_sandbox_fixed();
