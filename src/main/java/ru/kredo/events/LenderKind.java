package ru.kredo.events;

/** Who reported the event. */
public enum LenderKind {
	BANK,
	MFO,
	OTHER
}
