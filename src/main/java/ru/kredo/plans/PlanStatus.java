package ru.kredo.plans;

/**
 * Where a restructuring plan stands; the same names in the API. A plan's moves are explicit and audited:
 * <pre>
 * (within policy) ──────────────────────────────▶ AWAITING_SIGNATURE ──signed──▶ ACTIVE ──all paid──▶ COMPLETED
 * REQUESTED ──approve──────────────────────────▶ AWAITING_SIGNATURE           │  ▲
 *     │ └──propose other terms──▶ PROPOSED ──accepted──▶ AWAITING_SIGNATURE   │  └─repaired / caught up─┐
 *     │                              └──declined by the debtor──▶ DECLINED     └─missed + grace days──▶ BEHIND
 *     └──decline (a reason he sees)──▶ DECLINED                     BEHIND ──days to repair passed, or ended──▶ BROKEN
 * </pre>
 * COMPLETED, BROKEN and DECLINED do not move again.
 */
public enum PlanStatus {

	/** Asked for outside the policy: in the agency's inbox. */
	REQUESTED,
	/** The agency proposed other terms: the debtor accepts or declines them. */
	PROPOSED,
	/** Approved (at once, by an operator, or other terms accepted): the debtor signs it with a texted code. */
	AWAITING_SIGNATURE,
	/** Signed and being paid on schedule: the debt is under the plan. */
	ACTIVE,
	/** An instalment is unpaid past its due date and the grace days: the debtor was told and may repair it. */
	BEHIND,
	/** Ended unpaid (not repaired in time, or ended by the agency with a reason): the debt is owed as before. */
	BROKEN,
	/** Every instalment paid: the debt is closed as paid. */
	COMPLETED,
	/** Declined by the agency (with a reason the debtor sees) or other terms declined by the debtor. */
	DECLINED;

	public boolean isFinal() {
		return this == BROKEN || this == COMPLETED || this == DECLINED;
	}
}
