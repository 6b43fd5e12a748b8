-- The sandbox provider's own payments (payments/internal/SandboxProvider), kept as a real provider keeps them: until
-- now they lived in the JVM's memory, so a restart (a crash, a deploy) forgot every payment a payer had been sent to
-- and not yet confirmed — its page answered 404, and Kredo's payment stayed «under way», the payer offered a page that
-- no longer existed and refused a new payment of the same sum for an hour. Kredo's own payment is in `payments`; this
-- is the provider's side of it, read through the same ЮKassa JSON.
create table sandbox_payments (
    id text primary key,
    tenant_id uuid not null,
    -- Kredo's payment id, the idempotence key: asking again to create it answers with the same sandbox payment.
    payment_id uuid not null unique,
    amount numeric(14, 2) not null check (amount > 0),
    method text not null,
    return_url text not null,
    description text not null,
    status text not null check (status in ('PENDING', 'SUCCEEDED', 'CANCELED')),
    cancellation_reason text,
    settled_at timestamptz,
    created_at timestamptz not null
);
