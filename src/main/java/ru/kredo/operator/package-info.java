/**
 * The platform operator's work: creating a tenant with its first admin and an API key, from the operator's pages or
 * from the command line ({@link ru.kredo.operator.KredoCommandLine}).
 * <p>
 * Publishes nothing of its own; tenancy publishes {@link ru.kredo.tenancy.TenantCreated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator")
package ru.kredo.operator;
