/**
 * Plans: restructuring plans (реструктуризация) — a debtor who cannot pay his debt at once repays it in monthly
 * instalments he chose, within the agency's {@link ru.kredo.plans.PlanPolicy}; nothing is forgiven. The
 * {@link ru.kredo.plans.ScheduleCalculator} makes a kopeck-exact schedule from a term or a monthly sum he can afford;
 * a plan moves through the states of {@link ru.kredo.plans.PlanStatus}. {@code docs/plans.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package ru.kredo.plans;
