/**
 * Tenants (a credit broker, a collection agency, or the platform operator itself) and the one way to learn whose
 * request this is: {@link ru.kredo.tenancy.CurrentTenant}.
 * <p>
 * Every tenant-owned table carries {@code tenant_id} and every query on it takes a {@link ru.kredo.tenancy.TenantId}
 * explicitly. Publishes {@link ru.kredo.tenancy.TenantCreated}.
 * <p>
 * Which kind of tenant ({@link ru.kredo.tenancy.TenantKind}: broker, collection agency, the platform) may use which
 * page and endpoint is declared in one table, {@link ru.kredo.tenancy.TenantKindAccess}: one row per address pattern,
 * matched against each handler's own mapping, first match wins, no catch-all. An interceptor
 * ({@code tenancy/web/TenantKindInterceptor}) enforces it before any handler runs, for signed-in staff and API keys
 * alike, and for the agency a cabinet's address names; another kind gets the row's refusal (404 unless the row says
 * otherwise), an undeclared handler is refused to everyone. No controller checks a kind itself. A new page is declared
 * by adding a row (or by living under one); {@code TenantKindAccessIntegrationTests} names any handler without a row
 * and walks every one as each kind it leaves out. A table rather than annotations on the controllers: the whole
 * policy reads in one screen, and a reviewer sees a new kind rule as a change to one file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package ru.kredo.tenancy;
