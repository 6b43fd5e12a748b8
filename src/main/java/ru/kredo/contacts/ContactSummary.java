package ru.kredo.contacts;

import java.time.Instant;

/** A line of the contact list: the name and masked identifiers only. */
public record ContactSummary(ContactId id, String name, String maskedPhone, boolean hasPassport, Instant createdAt,
		String externalId) {
}
