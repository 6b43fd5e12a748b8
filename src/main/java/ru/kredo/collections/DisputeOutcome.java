package ru.kredo.collections;

/** How the agency resolves a debtor's dispute of a debt ({@link Debt#resolveDispute}). */
public enum DisputeOutcome {

	/** The debt stands as it was: open again, or under its settlement if one is still in force. */
	REJECTED,
	/** The debtor is right: the debt is written off. */
	UPHELD
}
