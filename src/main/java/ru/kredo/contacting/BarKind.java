package ru.kredo.contacting;

/** What stops the agency's contacts with a debtor altogether, and why. */
public enum BarKind {

	/** A bankruptcy: a {@code BANKRUPTCY} credit event on the monitored debtor, or an operator's mark (ч. 2 ст. 7? see docs). */
	BANKRUPTCY,
	/** A valid refusal of interaction (ст. 8 230-ФЗ), confirmed by the agency. */
	REFUSAL,
	/** A representative named by the debtor (ст. 8): contacts go only to the representative. */
	REPRESENTATIVE,
	/** An open dispute: contacts about the debt it covers stop until it is resolved. */
	DISPUTE,
	/** The debtor died (an operator's mark). */
	DECEASED,
	/** The debtor is a minor (an operator's mark). */
	MINOR;

	/** Whether the bar covers only the debt it names (a dispute), not the debtor's other debts. */
	public boolean isPerDebt() {
		return this == DISPUTE;
	}
}
