package ru.kredo.conversations;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The one outbound port through which Kredo tells a debtor something outside his cabinet: that the agency answered
 * while he was away, or answered his document request (the {@code docrequests} module). Another module implements it (the cabinet, with its SMS gateway); the contact rules of
 * issue 14 are to govern every message that goes out through it. Implementations must not throw for a debtor who
 * cannot be reached (no phone): they skip him.
 */
public interface DebtorNotices {

	/** Tells the debtor that the agency answered him in the cabinet's chat. */
	void agencyAnswered(TenantId agency, ContactId debtor);

	/** Tells the debtor that the agency answered his document request (with the document, or why not). */
	void documentRequestAnswered(TenantId agency, ContactId debtor);
}
