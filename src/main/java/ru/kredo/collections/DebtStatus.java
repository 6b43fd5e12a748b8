package ru.kredo.collections;

/**
 * Where a {@link Debt} stands (docs/debts.md). Its moves are the debt's own methods, which refuse what may not happen:
 * <pre>
 * OPEN ──settle()──▶ UNDER_SETTLEMENT ──pay(), the settlement's sum complete──▶ CLOSED (SETTLED)
 *  │ ▲                 │ (the settlement lapses: settlementLapsed(), by the daily renewal or the next payment, back to OPEN)
 *  │ └─resolveDispute(REJECTED)── DISPUTED ◀──dispute()── OPEN, UNDER_SETTLEMENT
 *  ├──pay(), balance to zero──▶ CLOSED (PAID)
 *  └──writeOff(), resolveDispute(UPHELD)──▶ CLOSED (WRITTEN_OFF)
 * </pre>
 * A closed debt does not move again.
 */
public enum DebtStatus {

	/** Owed, no settlement signed. */
	OPEN,
	/** A signed settlement (ст. 415 ГК РФ) is being paid: payments count towards its sum. */
	UNDER_SETTLEMENT,
	/** The debtor disputes it: its offers are withheld until the dispute is resolved. */
	DISPUTED,
	/** Nothing more is owed; {@link ClosedAs} says how. */
	CLOSED
}
