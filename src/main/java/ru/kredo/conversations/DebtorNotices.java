package ru.kredo.conversations;

import java.time.LocalDate;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * The one outbound port through which Kredo tells a debtor something outside his cabinet: that the agency answered
 * while he was away, or answered his document request (the {@code docrequests} module), or that an instalment of his
 * restructuring plan falls due or was missed (the {@code plans} module). The {@code contacting} module implements it through its gate: the contact rules of
 * issue 14 govern every message that goes out through it (docs/contact-rules.md). Implementations must not throw for a debtor who
 * cannot be reached (no phone): they skip him.
 */
public interface DebtorNotices {

	/** Tells the debtor that the agency answered him in the cabinet's chat. */
	void agencyAnswered(TenantId agency, ContactId debtor);

	/** Tells the debtor that the agency answered his document request (with the document, or why not). */
	void documentRequestAnswered(TenantId agency, ContactId debtor);

	/**
	 * Reminds the debtor that {@code amount} of his restructuring plan of {@code debt} falls due on {@code due}. The
	 * text names the agency and its phone (137-ФЗ) and links to the debt in his cabinet; an agency without a phone on
	 * its requisites has nothing sent (and the log says so).
	 */
	void planInstalmentDue(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due);

	/**
	 * Tells the debtor that his restructuring plan of {@code debt} fell behind: {@code amount} due since {@code due}
	 * is unpaid, and he may pay it or repair the plan in his cabinet. Named, linked and skipped as
	 * {@link #planInstalmentDue}.
	 */
	void planBehind(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due);

	/**
	 * The same notices for one batch (a run of plan reminders): what does not change within it, such as the agency's
	 * wording, may be read once for the whole batch. Kept only for the batch, never across runs; this one by default.
	 */
	default DebtorNotices batch() {
		return this;
	}
}
