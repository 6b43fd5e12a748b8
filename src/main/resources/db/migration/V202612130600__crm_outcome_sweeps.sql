-- Outcomes a CRM's push never brought (Kredo down, restarting or unreachable when amoCRM posted its webhook or Bitrix24
-- its event, and the CRM gave up) are recovered by a sweep (docs/crm-amocrm.md, docs/crm-bitrix24.md, «Outcomes the
-- push missed»): per connected tenant and CRM, what changed in the CRM since the watermark is listed and the entities
-- Kredo created among it are queued to be read back, in the same queues the pushes fill.

-- Whether a row was last queued by the CRM's push or by the sweep: the audit log says «восстановлено сверкой» for an
-- outcome the sweep recovered, and the page counts them.
alter table crm_amocrm_outcomes add column via text not null default 'PUSH' check (via in ('PUSH', 'SWEEP'));
alter table crm_bitrix24_outcomes add column via text not null default 'PUSH' check (via in ('PUSH', 'SWEEP'));

-- One row per tenant and CRM: how far the sweep has read. Everything the CRM changed before swept_to has been listed;
-- while a window is being read (window_to not null) the list and page it stopped at say where the next run goes on,
-- so a restart — or a run that hit its page budget, a 429 or an error — resumes instead of starting over.
create table crm_outcome_sweeps (
    tenant_id     uuid not null references tenants (id),
    crm           text not null check (crm in ('AMOCRM', 'BITRIX24')),
    swept_to      timestamptz,
    window_to     timestamptz,
    list          text,
    page          int not null default 0,
    last_run_at   timestamptz,
    -- How many entities Kredo created the last finished run found changed and queued to be read back.
    last_found    int not null default 0,
    -- The last run's error as the CRM answered (null when it went through), and when the next try is due.
    last_error    text,
    failures      int not null default 0,
    next_run_at   timestamptz,
    updated_at    timestamptz not null,
    primary key (tenant_id, crm)
);
