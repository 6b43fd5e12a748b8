package ru.kredo.contacting;

import java.util.List;

/**
 * What stops the agency's contacts with a debtor altogether, and why. Ч. 1 ст. 7 230-ФЗ (checked against the law's
 * published text, docs/contact-rules.md «Sources») forbids interaction with a debtor in bankruptcy and, from the day the
 * creditor receives the documents, with one who is deprived of or limited in legal capacity, treated as an in-patient,
 * disabled of the first group, or a minor (not emancipated): each is an operator's mark made on those documents.
 */
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
	/** The debtor is a minor, not emancipated (an operator's mark; п. 2 «г» ч. 1 ст. 7). */
	MINOR,
	/** The debtor is deprived of or limited in legal capacity (an operator's mark; п. 2 «а» ч. 1 ст. 7). */
	INCAPACITY,
	/** The debtor is being treated as an in-patient (an operator's mark; п. 2 «б» ч. 1 ст. 7). */
	HOSPITAL,
	/** The debtor is disabled of the first group (an operator's mark; п. 2 «в» ч. 1 ст. 7). */
	DISABILITY_GROUP_1;

	private static final List<BarKind> OPERATORS_MARKS = List.of(BANKRUPTCY, DECEASED, MINOR, INCAPACITY, HOSPITAL,
			DISABILITY_GROUP_1);

	/**
	 * The bars an operator marks and lifts himself, on the documents the agency received, in the order the page lists
	 * them; the others come from events, disputes and the debtor's own statements.
	 */
	public static List<BarKind> operatorsMarks() {
		return OPERATORS_MARKS;
	}

	/** Whether the bar covers only the debt it names (a dispute), not the debtor's other debts. */
	public boolean isPerDebt() {
		return this == DISPUTE;
	}
}
