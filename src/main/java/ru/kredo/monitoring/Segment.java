package ru.kredo.monitoring;

/** Why a person is watched; decides how a signal about him is ranked and worded. */
public enum Segment {

	/** Signed a brokerage contract, loan not yet issued. */
	IN_PROGRESS,

	/** Left without a contract, or refused after signing, but a good client (дожим). */
	PROSPECT,

	/** Not creditworthy yet; was given recommendations. */
	PREPARING,

	/** Dropped out for 6–12 months. */
	PAUSED,

	/** An already served client. */
	ACTIVE,

	/** A collector's debtor. */
	DEBTOR
}
