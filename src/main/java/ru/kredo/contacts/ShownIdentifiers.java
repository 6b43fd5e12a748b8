package ru.kredo.contacts;

/**
 * A contact's identifiers as one page or response shows them: in full to those who may see them (a tenant's admin,
 * an integration's API key), masked to everyone else (a manager works a signal by phone and needs no passport).
 * Whoever builds one decides {@code full} with {@link ru.kredo.privacy.IdentifierAccess} and audits a full view.
 */
public record ShownIdentifiers(boolean full, String passport, String inn, String snils) {

	public static ShownIdentifiers of(Contact contact, boolean full) {
		return new ShownIdentifiers(full,
				contact.passport() == null ? null : full ? contact.passport().display() : contact.passport().masked(),
				contact.inn() == null ? null : full ? contact.inn().value() : contact.inn().masked(),
				contact.snils() == null ? null : full ? contact.snils().display() : contact.snils().masked());
	}

	/** What the audit log says of the view: {@code full} or {@code masked}. */
	public String auditDetail() {
		return full ? "identifiers:full" : "identifiers:masked";
	}
}
