-- Which process runs an import: its run (a random id each start) and its node (host and data directory). A process
-- that starts marks the imports its node's earlier, dead runs left RUNNING as INTERRUPTED at once, and anyone's whose
-- heartbeat stopped; an import of another live node is left alone.
alter table list_imports add column run_id uuid, add column node text;
alter table list_imports drop constraint list_imports_status_check;
alter table list_imports add constraint list_imports_status_check
    check (status in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED'));
create index list_imports_running_idx on list_imports (updated_at) where status = 'RUNNING';
