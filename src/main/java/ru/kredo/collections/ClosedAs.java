package ru.kredo.collections;

/** How a debt closed. */
public enum ClosedAs {

	/** Paid in full. */
	PAID,
	/** A signed settlement's sum was paid and the rest forgiven (прощение долга, ст. 415 ГК РФ). */
	SETTLED,
	/** The agency wrote it off (a dispute upheld, or its own decision): nothing was repaid to close it. */
	WRITTEN_OFF
}
