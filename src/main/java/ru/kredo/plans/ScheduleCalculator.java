package ru.kredo.plans;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * Makes a restructuring plan's schedule, kopeck-exact, and checks it against the agency's policy. Pure: it reads no
 * clock and writes nothing; "today" is the caller's (the debtor's today, in his time zone).
 * <ul>
 * <li>By months: every instalment is the total divided by the months, rounded down to the kopeck; the last one also
 * takes the kopecks left over (fewer than the months), so the sum is exact.</li>
 * <li>By a monthly sum: that sum every month until the last, which is what is left (more than nothing, at most the
 * sum).</li>
 * <li>Dates: the n-th instalment is due n−1 months after the first, on the first's day of the month, or the month's
 * last day when it has none (31 January, then 28 or 29 February, then 31 March); a day that is not a working day by
 * the production calendar moves to the next working day (ст. 193 ГК РФ), which never costs the debtor a day.</li>
 * </ul>
 */
public final class ScheduleCalculator {

	/** The most instalments any schedule may have (ten years), whatever a policy says. */
	public static final int MAX_INSTALMENTS = 120;

	private final ProductionCalendar calendar;

	public ScheduleCalculator(ProductionCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	/**
	 * The schedule that repays {@code total} on {@code terms}, the first instalment due on {@code first} (or the next
	 * working day).
	 *
	 * @throws Rejected {@code plan.nothing-owed} for a zero total, {@code plan.months-invalid} when a monthly sum would
	 *     take more than {@value #MAX_INSTALMENTS} instalments, {@code plan.monthly-too-small} when there are fewer
	 *     kopecks than months
	 */
	public Schedule schedule(Money total, Terms terms, LocalDate first) {
		Objects.requireNonNull(first, "first");
		if (total.isZero()) {
			throw new Rejected("plan.nothing-owed");
		}
		long kopecks = total.kopecks();
		List<Long> amounts = new ArrayList<>();
		long monthly;
		switch (terms) {
			case Terms.ByMonths byMonths -> {
				int months = byMonths.months();
				monthly = kopecks / months;
				if (monthly == 0) {
					throw new Rejected("plan.monthly-too-small");
				}
				for (int i = 1; i < months; i++) {
					amounts.add(monthly);
				}
				amounts.add(kopecks - monthly * (months - 1));
			}
			case Terms.ByMonthly byMonthly -> {
				monthly = Math.min(byMonthly.monthly().kopecks(), kopecks);
				long months = (kopecks + monthly - 1) / monthly;
				if (months > MAX_INSTALMENTS) {
					throw new Rejected("plan.months-invalid", MAX_INSTALMENTS);
				}
				for (int i = 1; i < months; i++) {
					amounts.add(monthly);
				}
				amounts.add(kopecks - monthly * (months - 1));
			}
		}
		List<Instalment> instalments = new ArrayList<>(amounts.size());
		for (int i = 0; i < amounts.size(); i++) {
			instalments.add(new Instalment(i + 1, due(first, i), Money.ofKopecks(amounts.get(i))));
		}
		return new Schedule(total, Money.ofKopecks(monthly), instalments);
	}

	/**
	 * The day the instalment {@code index} months after the first is due: the first's day of the month (or the month's
	 * last day), moved to the next working day when it is not one.
	 */
	public LocalDate due(LocalDate first, int index) {
		LocalDate day = first.plusMonths(index);
		return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
	}

	/**
	 * The rules of {@code policy} that {@code schedule}, asked for on {@code today} with its first instalment on
	 * {@code first} as the debtor chose it, breaks; none when it may be approved at once. Whether the debt qualifies
	 * at all (balance, days past due, portfolio) is not checked here.
	 */
	public List<PolicyBreach> breaches(Schedule schedule, LocalDate first, LocalDate today, PlanPolicy policy) {
		List<PolicyBreach> breaches = new ArrayList<>();
		if (!policy.enabled()) {
			breaches.add(new PolicyBreach("disabled", List.of()));
		}
		if (schedule.months() < policy.minMonths() || schedule.months() > policy.maxMonths()) {
			breaches.add(new PolicyBreach("months", List.of(policy.minMonths(), policy.maxMonths())));
		}
		// The last instalment is what is left, and may be smaller; a one-instalment schedule breaks the months rule.
		if (schedule.months() > 1 && policy.minInstalment().exceeds(schedule.monthly())) {
			breaches.add(new PolicyBreach("instalment", List.of(policy.minInstalment())));
		}
		if (first.isBefore(today)) {
			breaches.add(new PolicyBreach("first-past", List.of()));
		}
		else if (ChronoUnit.DAYS.between(today, first) > policy.maxDaysToFirst()) {
			breaches.add(new PolicyBreach("first-late", List.of(policy.maxDaysToFirst())));
		}
		return List.copyOf(breaches);
	}
}
