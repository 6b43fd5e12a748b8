package ru.kredo.plans;

/** Why a plan ended {@link PlanStatus#BROKEN}. */
public enum PlanEnding {

	/** Behind for longer than the policy's days to repair. */
	MISSED,
	/** Ended by the agency, with a reason the debtor sees. */
	BY_AGENCY,
	/** The debt was written off (a dispute upheld, or the agency's decision): nothing more is owed under the plan. */
	DEBT_WRITTEN_OFF,
	/**
	 * The debt was closed outside the plan's own payments (the agency's registry shows it paid): nothing more is owed
	 * under the plan.
	 */
	DEBT_CLOSED,
	/**
	 * The agency's registry raised the debt above what the plan had left to pay: the plan he signed no longer covers
	 * it; the debt is owed as the registry says, with its offers, and he may ask for a new plan.
	 */
	BALANCE_RAISED
}
