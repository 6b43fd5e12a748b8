-- Which process runs an upload: its run (a random id each start) and its node (host and data directory). A process
-- that starts marks the uploads its node's earlier, dead runs left RUNNING as INTERRUPTED at once, and anyone's whose
-- heartbeat stopped; an upload of another live node is left alone.
alter table portfolio_imports add column run_id uuid, add column node text;
alter table portfolio_imports drop constraint portfolio_imports_status_check;
alter table portfolio_imports add constraint portfolio_imports_status_check
    check (status in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED'));
create index portfolio_imports_running_idx on portfolio_imports (updated_at) where status = 'RUNNING';
