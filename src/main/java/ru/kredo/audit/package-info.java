/**
 * The audit log (152-ФЗ: access to personal data is logged): sign-ins, views of personal data, exports and
 * administrative changes, per tenant, with ids only and never the personal data itself. Tenant admins read it.
 * <p>
 * Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package ru.kredo.audit;
