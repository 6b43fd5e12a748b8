package ru.kredo.tenancy;

/** Published when an operator or the command line creates a tenant. */
public record TenantCreated(TenantId tenantId, TenantKind kind) {
}
