package ru.kredo.signals;

/** How working a signal ended. */
public enum Outcome {

	/** Spoke with the person. */
	REACHED,

	NO_ANSWER,

	/** A contract, a loan issued, a payment agreed: the signal paid off. */
	DEAL,

	/** Spoke with the person, who declined. */
	NOT_INTERESTED;

	/** Whether the manager got through to the person. */
	public boolean reached() {
		return this != NO_ANSWER;
	}
}
