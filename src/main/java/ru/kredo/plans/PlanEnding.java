package ru.kredo.plans;

/** Why a plan ended {@link PlanStatus#BROKEN}. */
public enum PlanEnding {

	/** Behind for longer than the policy's days to repair. */
	MISSED,
	/** Ended by the agency, with a reason the debtor sees. */
	BY_AGENCY,
	/** The debt was written off (a dispute upheld, or the agency's decision): nothing more is owed under the plan. */
	DEBT_WRITTEN_OFF
}
