package ru.kredo.collections;

import java.util.Objects;
import java.util.UUID;

/**
 * Who offers a debtor a settlement from their conversation ({@link Offers#offerFromConversation}): one of the agency's
 * users on the inbox's page, or one of its API keys ({@code POST /api/v1/conversations/{id}/offers}) — never both.
 * {@code name} is what the staff's card shows in place of a rule's name (the operator's name, {@code API: <key>});
 * the debtor never sees it.
 */
public record OfferedBy(UUID user, UUID apiKey, String name) {

	public OfferedBy {
		Objects.requireNonNull(name, "name");
		if ((user == null) == (apiKey == null)) {
			throw new IllegalArgumentException("An offer is made by a user or by an API key");
		}
	}

	public static OfferedBy user(UUID user, String name) {
		return new OfferedBy(user, null, name);
	}

	public static OfferedBy apiKey(UUID key, String name) {
		return new OfferedBy(null, key, name);
	}
}
