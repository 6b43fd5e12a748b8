package ru.kredo.contacting;

/** What came of an operator's call, as he records it after (message key {@code contact.outcome.<name>}). */
public enum CallOutcome {

	/** Nobody answered (or the line was busy, or it went to voicemail). */
	NO_ANSWER,
	/** The debtor promised to pay an amount by a date: a follow-up in the inbox on that date ({@link Promises}). */
	PROMISED_TO_PAY,
	/** The debtor refused to pay. */
	REFUSED_TO_PAY,
	/** The number is not the debtor's. */
	WRONG_NUMBER,
	/** Something else: the note says what. */
	OTHER
}
