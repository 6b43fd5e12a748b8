package ru.kredo.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * An agency's terms for restructuring plans (one for the agency, and one per portfolio where it differs). A plan
 * within them is approved at once; outside them the request goes to the agency's inbox.
 *
 * @param enabled whether debts under it may be restructured at all
 * @param minMonths the shortest plan, in monthly instalments (at least 2: one instalment is a payment, not a plan)
 * @param maxMonths the longest plan
 * @param minInstalment the smallest monthly instalment (the last one, what is left, may be smaller)
 * @param maxDaysToFirst how many days from today the first instalment may be due at the latest
 * @param graceDays days after a missed due date before the plan is behind and the debtor is told
 * @param daysToRepair days a plan may stay behind (the debtor may repair it meanwhile) before it breaks
 * @param repairs how many times a debtor may repair a plan himself (move a date once, or re-plan what is left)
 * @param withDiscount whether a plan may be combined with a discount (a plan of a settlement's sum)
 * @param minBalance the smallest balance a debt must have to qualify
 * @param minDaysPastDue the fewest days past due a debt must have to qualify ({@code 0}: any)
 */
public record PlanPolicy(boolean enabled, int minMonths, int maxMonths, Money minInstalment, int maxDaysToFirst,
		int graceDays, int daysToRepair, int repairs, boolean withDiscount, Money minBalance, int minDaysPastDue) {

	/** What an agency that has not set its own starts with. */
	public static final PlanPolicy DEFAULT = new PlanPolicy(true, 2, 24, Money.ofKopecks(100_000), 30, 5, 15, 1,
			false, Money.ofKopecks(300_000), 0);

	/**
	 * @throws Rejected {@code plan-policy.months} (2 ≤ min ≤ max ≤ {@value ScheduleCalculator#MAX_INSTALMENTS}),
	 *     {@code plan-policy.days} (a negative or too large number of days), {@code plan-policy.repairs} (0–12)
	 */
	public PlanPolicy {
		Objects.requireNonNull(minInstalment, "minInstalment");
		Objects.requireNonNull(minBalance, "minBalance");
		if (minMonths < 2 || maxMonths < minMonths || maxMonths > ScheduleCalculator.MAX_INSTALMENTS) {
			throw new Rejected("plan-policy.months", ScheduleCalculator.MAX_INSTALMENTS);
		}
		if (maxDaysToFirst < 0 || maxDaysToFirst > 366 || graceDays < 0 || graceDays > 90 || daysToRepair < 0
				|| daysToRepair > 90 || minDaysPastDue < 0 || minDaysPastDue > 36_500) {
			throw new Rejected("plan-policy.days");
		}
		if (repairs < 0 || repairs > 12) {
			throw new Rejected("plan-policy.repairs");
		}
	}

	/**
	 * Whether a debt with {@code balance} owed, {@code daysPastDue} days past due ({@code null}: unknown, counted as
	 * none), qualifies for a plan under this policy: the rules it breaks, none when it does. Whether the debt's state
	 * allows a plan (open, not disputed, not under a settlement) is the debt's own concern.
	 */
	public List<PolicyBreach> qualifies(Money balance, Integer daysPastDue) {
		List<PolicyBreach> breaches = new ArrayList<>();
		if (!enabled) {
			breaches.add(new PolicyBreach("disabled", List.of()));
		}
		if (minBalance.exceeds(balance)) {
			breaches.add(new PolicyBreach("balance", List.of(minBalance)));
		}
		if ((daysPastDue == null ? 0 : daysPastDue) < minDaysPastDue) {
			breaches.add(new PolicyBreach("days-past-due", List.of(minDaysPastDue)));
		}
		return List.copyOf(breaches);
	}
}
