/**
 * API keys for integrators: issued by a tenant admin or the command line, shown once, stored only as a SHA-256
 * hash, revocable. {@link ru.kredo.apikeys.ApiKeys#authenticate} turns a presented key into an
 * {@link ru.kredo.tenancy.Actor} of its tenant.
 * <p>
 * Consumes {@link ru.kredo.accounts.UserPowersWithdrawn}: a disabled or demoted user's keys are revoked. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API keys")
package ru.kredo.apikeys;
