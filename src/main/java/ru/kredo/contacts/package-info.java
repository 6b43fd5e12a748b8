/**
 * Contacts: the people a tenant knows (clients, prospects, debtors), with their identifiers validated on entry and
 * sealed at rest. Looked up exactly by passport or by normalized ФИО + date of birth through blind indexes.
 * Viewing a contact's identifiers and exporting contacts are written to the audit log.
 * {@link ru.kredo.contacts.PersonColumns} reads a person from a row of an uploaded file, for every module that takes
 * people in files.
 * <p>
 * Publishes nothing yet; monitoring will build its watches on contacts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package ru.kredo.contacts;
