-- The signing secret is sealed at rest (AES-GCM, the privacy module's key) like personal data: a copy of the database
-- alone no longer lets anyone forge Kredo's webhooks. Rows written before this keep their plaintext until the
-- application seals them at its next start (WebhookSecrets) and clears the plaintext; until then it reads either.
alter table webhook_endpoints add column secret_sealed bytea;
alter table webhook_endpoints alter column secret drop not null;
alter table webhook_endpoints add constraint webhook_endpoints_secret_present
    check (secret is not null or secret_sealed is not null);
