-- Issue 15: webhooks managed through the API.
-- Which event types an endpoint receives: null means every type, including types added later.
alter table webhook_endpoints add column event_types text[];
-- A rotated secret keeps signing for an overlap window (kredo.webhooks.secret-overlap): until previous_secret_until
-- each request carries a signature with the new secret and one with the previous one, so the CRM can switch over.
alter table webhook_endpoints add column previous_secret_sealed bytea;
alter table webhook_endpoints add column previous_secret_until timestamptz;
