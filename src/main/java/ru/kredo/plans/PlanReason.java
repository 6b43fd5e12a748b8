package ru.kredo.plans;

/** Why the debtor asks for a restructuring plan. */
public enum PlanReason {

	/** He lost his income, or part of it. */
	LOST_INCOME,
	/** He or his family is ill. */
	ILLNESS,
	/** Something else (he may say what in the chat). */
	OTHER
}
