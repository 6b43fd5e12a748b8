package ru.kredo.collections;

/**
 * Where a {@link Debt} stands (docs/debts.md). Its moves are the debt's own methods, which refuse what may not happen:
 * <pre>
 * OPEN ──settle()──▶ UNDER_SETTLEMENT ──pay(), the settlement's sum complete──▶ CLOSED (SETTLED)
 *  │ ▲                 │ (the settlement lapses: settlementLapsed(), by the daily renewal or the next payment, back to OPEN)
 *  │ └─resolveDispute(REJECTED)── DISPUTED ◀──dispute()── OPEN, UNDER_SETTLEMENT
 *  ├──pay(), balance to zero──▶ CLOSED (PAID)
 *  ├──restructure()──▶ UNDER_PLAN ──pay(), balance to zero──▶ CLOSED (PAID)
 *  │ ▲                   │ ├──dispute()──▶ DISPUTED (the plan paused; rejected, the plans module restructures it again)
 *  │ └────endPlan()──────┘ └──writeOff()──▶ CLOSED (WRITTEN_OFF)
 *  └──writeOff(), resolveDispute(UPHELD)──▶ CLOSED (WRITTEN_OFF)
 * </pre>
 * A closed debt does not move again.
 */
public enum DebtStatus {

	/** Owed, no settlement signed. */
	OPEN,
	/** A signed settlement (ст. 415 ГК РФ) is being paid: payments count towards its sum. */
	UNDER_SETTLEMENT,
	/**
	 * A signed restructuring plan is being paid (module {@code plans}): the whole balance in instalments, nothing
	 * forgiven; its offers are withheld while it is.
	 */
	UNDER_PLAN,
	/** The debtor disputes it: its offers are withheld until the dispute is resolved. */
	DISPUTED,
	/** Nothing more is owed; {@link ClosedAs} says how. */
	CLOSED
}
