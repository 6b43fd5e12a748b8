-- A batch writes a signal and a signal_events row per match, tens of thousands a day. Each foreign key checked on
-- insert is a query that locks the referenced row (for key share) — tenant, watch, contact, list, event, signal —
-- which in a chunk of 2,000 events took longer than storing the 2,000 events themselves. These rows are written only
-- by SignalRaising, from watches and events read or stored in the same transaction, and nothing deletes tenants,
-- watches, contacts, lists or credit events; so these keys guarded against nothing that can happen. The keys a
-- person sets later (assignee, closed by) stay.
alter table signals drop constraint signals_tenant_id_fkey,
    drop constraint signals_watch_id_fkey,
    drop constraint signals_contact_id_fkey,
    drop constraint signals_list_id_fkey;
alter table signal_events drop constraint signal_events_tenant_id_fkey,
    drop constraint signal_events_watch_id_fkey,
    drop constraint signal_events_event_id_fkey,
    drop constraint signal_events_signal_id_fkey;
