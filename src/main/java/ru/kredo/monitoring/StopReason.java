package ru.kredo.monitoring;

/** Why monitoring stopped; shown to the manager. */
public enum StopReason {
	CONSENT_EXPIRED,
	PERIOD_ENDED,
	STOPPED_BY_USER,
	/** An agency's debtor whose debts are all closed: the loan contract his consent lived by has ended. */
	DEBTS_CLOSED
}
