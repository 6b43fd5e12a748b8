/**
 * The home page after sign-in, shaped by the tenant's kind: a broker sees its clients and prospects, an agency its
 * debtors, an operator the tenants.
 * <p>
 * Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package ru.kredo.dashboard;
