package ru.kredo.contacts;

import ru.kredo.platform.Rejected;

/**
 * The id of a person's row in the tenant's own system (Bitrix24's «ID», an amoCRM contact id, any CRM's row id),
 * kept on the contact as {@code externalId} (issue 15): text, trimmed, at most {@value #MAX_LENGTH} characters, unique
 * per tenant among contacts. Kredo never reads meaning into it.
 */
public final class ExternalId {

	public static final int MAX_LENGTH = 100;

	private ExternalId() {
	}

	/**
	 * The id as given, trimmed; {@code null} for none or blank.
	 *
	 * @throws Rejected {@code contact.external-id-too-long} when longer than {@value #MAX_LENGTH} characters
	 */
	public static String parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String id = text.strip();
		if (id.codePointCount(0, id.length()) > MAX_LENGTH) {
			throw new Rejected("contact.external-id-too-long", MAX_LENGTH);
		}
		return id;
	}
}
