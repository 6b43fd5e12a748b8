package ru.kredo.contacting;

/** Why a contact was held, refused or dropped (the log's reason; message key {@code contact.reason.<name>}). */
public enum Reason {

	/** Outside the debtor's local contact hours. */
	HOURS,
	/** The day's (any 24 hours') limit is used up. */
	DAY_LIMIT,
	/** The week's (any 7 days') limit is used up. */
	WEEK_LIMIT,
	/** The month's limit is used up. */
	MONTH_LIMIT,
	BANKRUPTCY,
	REFUSAL,
	REPRESENTATIVE,
	DISPUTE,
	DECEASED,
	MINOR,
	INCAPACITY,
	HOSPITAL,
	DISABILITY_GROUP_1,
	/** The next allowed moment comes after the message would still mean anything ({@code notAfter}). */
	STALE,
	/** Nothing to reach the debtor by (no phone, no e-mail). */
	NO_ADDRESS,
	/** An electronic message that does not name the creditor or give its contact phone (137-ФЗ). */
	UNNAMED_CREDITOR,
	/** A collection text that would really leave Kredo while the agency has no registered sender name (137-ФЗ). */
	NO_SENDER;

	static Reason of(BarKind bar) {
		return Reason.valueOf(bar.name());
	}
}
