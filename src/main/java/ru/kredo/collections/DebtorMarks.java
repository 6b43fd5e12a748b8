package ru.kredo.collections;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * What marks a debtor's debts from outside this module: a bankruptcy (issue 14: «BANKRUPTCY stops every contact at
 * once and marks the debt»). The module {@code contacting} keeps the bar and answers; the agency's pages show the mark
 * on each of his debts. Declared here, implemented there, so that the debts' pages read it without this module
 * depending on the one that depends on it.
 */
public interface DebtorMarks {

	/** The debtors among {@code debtors} with a standing bankruptcy mark, and since when. */
	Map<ContactId, Instant> bankruptSince(TenantId tenant, Collection<ContactId> debtors);
}
