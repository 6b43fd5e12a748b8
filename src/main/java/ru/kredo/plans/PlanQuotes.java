package ru.kredo.plans;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.money.Money;

/**
 * What a restructuring plan of a debt would be, before anything is asked for: the policy the debt is under (its
 * portfolio's own, else the agency's), whether the debt qualifies, and the schedule for the terms a debtor types with
 * the rules of the policy it breaks. Reads only; nothing is stored (a page view quotes, it never requests).
 * "Today" is the debtor's, in his time zone, or the agency's zone when his is unknown.
 */
@Service
public class PlanQuotes {

	/** The latest first payment the calculator takes at all (a later one is a typing mistake, not a wish). */
	public static final int FURTHEST_FIRST_DAYS = 366;

	/** The first payment the calculator suggests: this many days from today, or the policy's latest if sooner. */
	static final int SUGGESTED_FIRST_DAYS = 7;

	private final PlanPolicies policies;
	private final Debts debts;
	private final BusinessCalendar calendar;
	private final TenantClocks clocks;
	private final ScheduleCalculator calculator;
	private final ru.kredo.collections.Offers offers;

	PlanQuotes(PlanPolicies policies, Debts debts, BusinessCalendar calendar, TenantClocks clocks,
			ru.kredo.collections.Offers offers) {
		this.offers = Objects.requireNonNull(offers, "offers");
		this.clocks = Objects.requireNonNull(clocks, "clocks");
		this.policies = policies;
		this.debts = debts;
		this.calendar = Objects.requireNonNull(calendar, "calendar");
		this.calculator = new ScheduleCalculator(calendar.days());
	}

	/**
	 * The policy a debt is under and the rules that keep it from a plan, none when it qualifies.
	 *
	 * @param policy the debt's portfolio's own policy, else the agency's
	 * @param breaches why it does not qualify: its state ({@code plan.breach.debt-closed}, {@code debt-disputed},
	 *     {@code debt-settlement}, {@code debt-state}) and {@link PlanPolicy#qualifies}
	 */
	public record Eligibility(PlanPolicy policy, List<PolicyBreach> breaches) {

		public Eligibility {
			Objects.requireNonNull(policy, "policy");
			breaches = List.copyOf(breaches);
		}

		public boolean qualifies() {
			return breaches.isEmpty();
		}
	}

	/**
	 * A schedule quoted for a debt and the rules of its policy it breaks (none: it would be approved at once).
	 *
	 * @param today the debtor's today it was quoted on
	 */
	public record Quote(Schedule schedule, List<PolicyBreach> breaches, LocalDate today) {

		public Quote {
			Objects.requireNonNull(schedule, "schedule");
			breaches = List.copyOf(breaches);
		}

		public boolean withinPolicy() {
			return breaches.isEmpty();
		}
	}

	/** The policy the debt is under and whether it qualifies for a plan: open, and within the policy's bounds. */
	public Eligibility eligibility(Debt debt) {
		PlanPolicy policy = policies.effective(debt.tenantId(), debts.portfolioOf(debt.tenantId(), debt.id()));
		return eligibility(debt, policy);
	}

	static Eligibility eligibility(Debt debt, PlanPolicy policy) {
		List<PolicyBreach> breaches = new ArrayList<>();
		switch (debt.status()) {
			case OPEN -> {
			}
			case CLOSED -> breaches.add(new PolicyBreach("debt-closed", List.of()));
			case DISPUTED -> breaches.add(new PolicyBreach("debt-disputed", List.of()));
			case UNDER_SETTLEMENT -> breaches.add(new PolicyBreach("debt-settlement", List.of()));
			default -> breaches.add(new PolicyBreach("debt-state", List.of()));
		}
		breaches.addAll(policy.qualifies(debt.total(), debt.daysPastDue()));
		return new Eligibility(policy, breaches);
	}

	/** The debtor's today: in his time zone, or the agency's when his is unknown, on his agency's clock. */
	public LocalDate today(Debt debt) {
		return clocks.today(debt.tenantId(), zoneOf(debt));
	}

	/** The debtor's time zone, or the agency's when his is unknown. */
	public ZoneId zoneOf(Debt debt) {
		return debt.timeZone() != null ? debt.timeZone() : calendar.agencyZone();
	}

	/** The first payment's day the calculator offers before he chooses: a week from today, or sooner if the policy says. */
	public static LocalDate suggestedFirst(PlanPolicy policy, LocalDate today) {
		return today.plusDays(Math.min(SUGGESTED_FIRST_DAYS, policy.maxDaysToFirst()));
	}

	/**
	 * The schedule that repays the debt's balance on {@code terms} from {@code first}, and the rules of the debt's
	 * policy it breaks, as of the debtor's today.
	 *
	 * @throws ru.kredo.platform.Rejected as {@link ScheduleCalculator#schedule} refuses terms that make no schedule
	 */
	public Quote quote(Debt debt, Eligibility eligibility, Terms terms, LocalDate first) {
		return quote(debt, eligibility, terms, first, debt.total());
	}

	/**
	 * As {@link #quote(Debt, Eligibility, Terms, LocalDate)}, of {@code sum}: the balance, or the discounted sum of
	 * {@link #discountedSum} for a plan combined with the discount.
	 */
	public Quote quote(Debt debt, Eligibility eligibility, Terms terms, LocalDate first, Money sum) {
		LocalDate today = today(debt);
		Schedule schedule = calculator.schedule(sum, terms, first);
		return new Quote(schedule, calculator.breaches(schedule, first, today, eligibility.policy()), today);
	}

	/**
	 * The sum a plan of the debt may be of instead of its balance: its live offer's (the one his cabinet shows), where
	 * the debt's policy combines a plan with a discount ({@link PlanPolicy#withDiscount}); none otherwise, or when the
	 * offer forgives nothing.
	 */
	public java.util.Optional<Money> discountedSum(Debt debt, Eligibility eligibility) {
		if (!eligibility.policy().withDiscount()) {
			return java.util.Optional.empty();
		}
		try {
			Money sum = offers.signable(debt.tenantId(), debt).offerAmount();
			return debt.total().exceeds(sum) ? java.util.Optional.of(sum) : java.util.Optional.empty();
		}
		catch (ru.kredo.platform.Rejected none) {
			return java.util.Optional.empty();
		}
	}
}
