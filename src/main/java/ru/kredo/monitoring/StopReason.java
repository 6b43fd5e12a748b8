package ru.kredo.monitoring;

/** Why monitoring stopped; shown to the manager. */
public enum StopReason {
	CONSENT_EXPIRED,
	PERIOD_ENDED,
	STOPPED_BY_USER
}
