package ru.kredo.plans.web;

import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.ScheduleCalculator;

/**
 * A plan policy as typed on the form, every field as text: a refused form comes back with what was typed, and each
 * wrong field is named with its own reason at once ({@link #parse}). A check box left unticked is not sent at all.
 */
record PlanPolicyForm(String enabled, String minMonths, String maxMonths, String minInstalment, String maxDaysToFirst,
		String graceDays, String daysToRepair, String repairs, String withDiscount, String minBalance,
		String minDaysPastDue) {

	static PlanPolicyForm of(PlanPolicy policy) {
		return new PlanPolicyForm(policy.enabled() ? "on" : null, Integer.toString(policy.minMonths()),
				Integer.toString(policy.maxMonths()), roubles(policy.minInstalment()),
				Integer.toString(policy.maxDaysToFirst()), Integer.toString(policy.graceDays()),
				Integer.toString(policy.daysToRepair()), Integer.toString(policy.repairs()),
				policy.withDiscount() ? "on" : null, roubles(policy.minBalance()), Integer.toString(policy.minDaysPastDue()));
	}

	public boolean isEnabled() {
		return ticked(enabled);
	}

	public boolean isWithDiscount() {
		return ticked(withDiscount);
	}

	/** The policy typed, or {@link InvalidFields} naming every wrong field. */
	PlanPolicy parse() {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		int most = ScheduleCalculator.MAX_INSTALMENTS;
		Integer least = fields.read("minMonths", () -> number(minMonths, 2, most, "plan-policy.min-months", most));
		Integer longest = fields.read("maxMonths", () -> number(maxMonths, 2, most, "plan-policy.max-months", most));
		if (least != null && longest != null && longest < least) {
			fields.reject("maxMonths", new Rejected("plan-policy.max-below-min", least));
		}
		Money instalment = fields.read("minInstalment", () -> amount(minInstalment));
		Integer toFirst = fields.read("maxDaysToFirst", () -> number(maxDaysToFirst, 0, 366, "plan-policy.days-to-first"));
		Integer grace = fields.read("graceDays", () -> number(graceDays, 0, 90, "plan-policy.grace-days"));
		Integer toRepair = fields.read("daysToRepair", () -> number(daysToRepair, 0, 90, "plan-policy.days-to-repair"));
		Integer repairCount = fields.read("repairs", () -> number(repairs, 0, 12, "plan-policy.repairs"));
		Money balance = fields.read("minBalance", () -> amount(minBalance));
		Integer pastDue = fields.read("minDaysPastDue",
				() -> number(minDaysPastDue, 0, 36_500, "plan-policy.min-days-past-due"));
		fields.throwIfAny();
		return new PlanPolicy(isEnabled(), least, longest, instalment, toFirst, grace, toRepair, repairCount,
				isWithDiscount(), balance, pastDue);
	}

	private static boolean ticked(String box) {
		return box != null && !box.isBlank() && !"false".equalsIgnoreCase(box.strip());
	}

	private static Money amount(String text) {
		Money read = MoneyText.parse(text);
		if (read == null) {
			throw new Rejected("plan-policy.amount-required");
		}
		return read;
	}

	private static int number(String text, int least, int most, String code, Object... arguments) {
		String typed = text == null ? "" : text.strip();
		if (typed.matches("\\d{1,6}")) {
			int value = Integer.parseInt(typed);
			if (value >= least && value <= most) {
				return value;
			}
		}
		throw new Rejected(code, arguments);
	}

	private static String roubles(Money money) {
		return money.kopecks() % 100 == 0 ? Long.toString(money.kopecks() / 100)
				: money.roubles().toPlainString().replace('.', ',');
	}
}
