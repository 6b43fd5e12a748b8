package ru.kredo.conversations;

/** Who wrote a message, and so who sees it. */
public enum Author {

	/** The debtor, from his cabinet. */
	DEBTOR,
	/** An operator of the agency, to the debtor. */
	OPERATOR,
	/** An operator's internal note: staff only, never shown to the debtor nor counted as an answer. */
	NOTE;

	/** Whether the debtor sees messages of this kind. */
	public boolean debtorSees() {
		return this != NOTE;
	}
}
