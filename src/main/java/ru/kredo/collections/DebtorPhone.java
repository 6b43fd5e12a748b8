package ru.kredo.collections;

import java.time.Instant;

import ru.kredo.contacts.PhoneNumber;

/**
 * One of a debtor's phones, as his card and {@code GET /api/v1/debtors/{id}/phones} list them (issue 14).
 *
 * @param source where Kredo has it from
 * @param confirmedAt when he proved he holds a bureau's number by signing in to the cabinet with it; {@code null}
 *        for one not confirmed, and for the other sources, which need no confirmation (they came with the claim)
 * @param own the phone on his contact: the only one the agency's texts and an operator's calls go to
 */
public record DebtorPhone(PhoneNumber phone, Source source, Instant confirmedAt, boolean own) {

	/** Where a debtor's phone came from. */
	public enum Source {
		/** With his contact: the registry's or list's row that made him, or a file that gave more numbers for him. */
		CONTACT,
		/** A registry's further numbers for him (a debt registry lists a mobile, a home and a work number). */
		REGISTRY,
		/** A credit bureau's {@code PERSONAL_DATA_CHANGED} event on the agency's watch of him. */
		BUREAU
	}

	/** Whether the agency's messages (and calls) may go to it: only to his own phone ({@code contacting.Contacting}). */
	public boolean messagesAllowed() {
		return own;
	}
}
