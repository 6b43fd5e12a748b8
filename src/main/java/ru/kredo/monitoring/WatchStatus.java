package ru.kredo.monitoring;

/** Where a watch stands. Only {@code ACTIVE} watches receive signals. */
public enum WatchStatus {

	/** No valid consent recorded yet: cannot become active. */
	AWAITING_CONSENT,

	ACTIVE,

	/** Ended: see the stop reason. */
	STOPPED
}
