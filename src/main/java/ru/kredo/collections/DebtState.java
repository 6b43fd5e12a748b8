package ru.kredo.collections;

/** Which debts a list shows: those still owed, or those closed (repaid or settled); {@code null} for all. */
public enum DebtState {
	OPEN, CLOSED
}
