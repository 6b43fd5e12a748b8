/**
 * Contacts: the people a tenant knows (clients, prospects, debtors), with their identifiers validated on entry and
 * sealed at rest. Looked up exactly by passport or by normalized ФИО + date of birth through blind indexes.
 * Viewing a contact's identifiers and exporting contacts are written to the audit log.
 * <p>
 * Publishes nothing yet; monitoring will build its watches on contacts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package ru.kredo.contacts;
