package ru.kredo.plans;

import java.util.List;

import ru.kredo.platform.Rejected;

/**
 * A re-plan of what is left that breaks the agency's policy ({@code plan.repair-outside-policy}), with the rules it
 * breaks — the same rules, words and arguments a request is measured by ({@link ScheduleCalculator#breaches}) — so
 * that the debtor reads which of them, as under the calculator's answer.
 */
public class RepairOutsidePolicy extends Rejected {

	private final transient List<PolicyBreach> breaches;

	public RepairOutsidePolicy(List<PolicyBreach> breaches) {
		super("plan.repair-outside-policy");
		this.breaches = List.copyOf(breaches);
	}

	/** The policy's rules the new schedule breaks, at least one. */
	public List<PolicyBreach> breaches() {
		return breaches;
	}
}
