package ru.kredo.collections;

/**
 * Which debts a list shows: those still owed, or those closed (repaid, settled or written off); {@code null} for all.
 * A list's filter, not the debt's own state ({@link DebtStatus}).
 */
public enum DebtState {
	OPEN, CLOSED
}
