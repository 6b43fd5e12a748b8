/**
 * Tenants (a credit broker, a collection agency, or the platform operator itself) and the one way to learn whose
 * request this is: {@link ru.kredo.tenancy.CurrentTenant}.
 * <p>
 * Every tenant-owned table carries {@code tenant_id} and every query on it takes a {@link ru.kredo.tenancy.TenantId}
 * explicitly. Publishes {@link ru.kredo.tenancy.TenantCreated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package ru.kredo.tenancy;
