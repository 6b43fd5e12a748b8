package ru.kredo.cabinet.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import ru.kredo.collections.Debt;
import ru.kredo.money.Money;
import ru.kredo.money.MoneyText;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.MessageArgument;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.web.TimeDisplay;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PolicyBreach;
import ru.kredo.plans.Schedule;
import ru.kredo.plans.ScheduleCalculator;
import ru.kredo.plans.Terms;

/**
 * «Погасить частями» on a debt's page: the agency's plan policy as the debtor reads it and a calculator he fills in by
 * GET — a number of months or a monthly sum he can afford, and the first payment's day — whose answer is the page
 * itself: the schedule, kopeck-exact, and, outside the policy, each rule it breaks. Nothing is stored; a debt that does
 * not qualify shows no section. Whatever he types comes back with a message by its field, never an error page. What
 * he asks by is a choice ({@code by}) that typing in a field selects, with one button: a button per mode made Enter
 * count by the first mode whatever he had typed. His plan, once he has one, comes first ({@link PlanCards}).
 */
@Component
class PlanCalculator {

	private static final String DATE = "dd.MM.yyyy";

	private final PlanQuotes quotes;
	private final TimeDisplay time;
	private final PlanCards cards;

	PlanCalculator(PlanQuotes quotes, TimeDisplay time, PlanCards cards) {
		this.quotes = quotes;
		this.time = time;
		this.cards = cards;
	}

	/**
	 * What he typed, every field as text ({@code null}: not sent). {@code by} says which he asks by, {@code months}
	 * or {@code monthly}; none means he has not asked yet.
	 */
	record Form(String by, String months, String monthly, String first, String discount) {

		Form(String by, String months, String monthly, String first) {
			this(by, months, monthly, first, null);
		}

		/** Whether he chose the plan of the discounted sum («с учётом скидки», {@code discount=1}). */
		public boolean discounted() {
			return "1".equals(discount);
		}

		public boolean byMonthly() {
			return "monthly".equals(by);
		}

		public boolean asked() {
			return by != null;
		}
	}

	/** The section as the page draws it; {@code result} is {@code null} until he asks or while a field is wrong. */
	record Section(PlanPolicy policy, Form form, Map<String, Rejected> errors, Result result, String earliest,
			String latest, String balance, String discounted, String forgiven) {

		Section(PlanPolicy policy, Form form, Map<String, Rejected> errors, Result result, String earliest,
				String latest) {
			this(policy, form, errors, result, earliest, latest, null, null, null);
		}

		/** Whether he may choose a plan of the discounted sum (the policy allows it and an offer is live). */
		public boolean discountable() {
			return discounted != null;
		}

		/** Whether the schedule shown is of the discounted sum. */
		public boolean ofDiscount() {
			return discounted != null && form.discounted();
		}

		Section with(Map<String, Rejected> newErrors, Result newResult) {
			return new Section(policy, form, newErrors, newResult, earliest, latest, balance, discounted, forgiven);
		}
	}

	/** The schedule's answer: per instalment and in sum, and the rules it breaks (none: within the policy). */
	record Result(String monthly, int months, String last, List<Row> rows, String total, List<Breach> breaches) {

		public boolean withinPolicy() {
			return breaches.isEmpty();
		}
	}

	record Row(int number, String due, String amount) {
	}

	/** A broken rule as its message and arguments, amounts written the Russian way. */
	record Breach(String key, Object[] arguments) {
	}

	/** Puts the section on the page ({@code plan}), or nothing when the debt does not qualify for a plan. */
	void show(Debt debt, Form typed, Model model) {
		// The policy the debt is under, read once: his plan's card and the calculator both need it.
		PlanQuotes.Eligibility eligibility = quotes.eligibility(debt);
		// His plan (being considered, to sign, running, or how the last one ended) comes first; while one is not final
		// no other may be requested, so the calculator is not shown.
		java.util.Optional<PlanCards.Card> card = cards.of(debt, eligibility.policy());
		card.ifPresent(shown -> model.addAttribute("planCard", shown));
		if (card.isPresent() && card.get().current()) {
			return;
		}
		if (!eligibility.qualifies()) {
			return;
		}
		PlanPolicy policy = eligibility.policy();
		LocalDate today = quotes.today(debt);
		java.util.Optional<Money> discount = quotes.discountedSum(debt, eligibility);
		Form form = new Form(typed.by(), typed.months() == null ? Integer.toString(policy.minMonths()) : typed.months(),
				typed.monthly(), typed.first() == null ? PlanQuotes.suggestedFirst(policy, today).toString() : typed.first(),
				discount.isPresent() && typed.discounted() ? "1" : null);
		String earliest = today.toString();
		String latest = today.plusDays(PlanQuotes.FURTHEST_FIRST_DAYS).toString();
		Section section = new Section(policy, form, Map.of(), null, earliest, latest, DebtCard.roubles(debt.total()),
				discount.map(DebtCard::roubles).orElse(null),
				discount.map(sum -> DebtCard.roubles(debt.total().minus(sum))).orElse(null));
		if (!form.asked()) {
			model.addAttribute("plan", section);
			return;
		}
		try {
			Asked asked = read(form, today);
			PlanQuotes.Quote quote = quotes.quote(debt, eligibility, asked.terms(), asked.first(),
					form.discounted() ? discount.orElseThrow() : debt.total());
			model.addAttribute("plan", section.with(Map.of(), result(quote)));
		}
		catch (InvalidFields invalid) {
			model.addAttribute("plan", section.with(invalid.errors(), null));
		}
		catch (Rejected noSchedule) {
			// Terms that make no schedule (less than a kopeck a month, more instalments than any plan may have): said by
			// the field he asked by.
			Rejected said = form.byMonthly() && "plan.months-invalid".equals(noSchedule.code())
					? new Rejected("plan.monthly-too-long", ScheduleCalculator.MAX_INSTALMENTS) : noSchedule;
			model.addAttribute("plan", section.with(Map.of(form.byMonthly() ? "monthly" : "months", said), null));
		}
	}

	/** His terms and first day as read from the form (the plan's request and re-plan read them the same way). */
	record Asked(Terms terms, LocalDate first) {
	}

	/** His terms and first day, or every wrong field with its reason. */
	static Asked read(Form form, LocalDate today) {
		InvalidFields.Collector fields = new InvalidFields.Collector();
		Terms terms = form.byMonthly() ? fields.read("monthly", () -> new Terms.ByMonthly(monthly(form.monthly())))
				: fields.read("months", () -> new Terms.ByMonths(months(form.months())));
		LocalDate first = fields.read("first", () -> first(form.first(), today));
		fields.throwIfAny();
		return new Asked(terms, first);
	}

	private static int months(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (!text.matches("\\d{1,4}")) {
			throw new Rejected("plan.months-invalid", ScheduleCalculator.MAX_INSTALMENTS);
		}
		return Integer.parseInt(text);
	}

	private static Money monthly(String typed) {
		Money read = MoneyText.parse(typed);
		if (read == null) {
			throw new Rejected("plan.monthly-invalid");
		}
		return read;
	}

	/** A day from today up to {@value PlanQuotes#FURTHEST_FIRST_DAYS} days ahead; the policy's own bound is a breach. */
	private static LocalDate first(String typed, LocalDate today) {
		LocalDate day;
		try {
			day = LocalDate.parse(typed == null ? "" : typed.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("plan.first-invalid", PlanQuotes.FURTHEST_FIRST_DAYS);
		}
		if (day.isBefore(today) || day.isAfter(today.plusDays(PlanQuotes.FURTHEST_FIRST_DAYS))) {
			throw new Rejected("plan.first-invalid", PlanQuotes.FURTHEST_FIRST_DAYS);
		}
		return day;
	}

	private Result result(PlanQuotes.Quote quote) {
		Schedule schedule = quote.schedule();
		List<Row> rows = schedule.instalments().stream()
			.map(i -> new Row(i.number(), time.format(i.due(), DATE), DebtCard.roubles(i.amount())))
			.toList();
		String last = schedule.months() > 1 && !schedule.last().amount().equals(schedule.monthly())
				? DebtCard.roubles(schedule.last().amount()) : null;
		List<Breach> breaches = quote.breaches().stream().map(PlanCalculator::breach).toList();
		return new Result(DebtCard.roubles(schedule.monthly().min(schedule.total())), schedule.months(), last, rows,
				DebtCard.roubles(schedule.total()), breaches);
	}

	static Breach breach(PolicyBreach breach) {
		Object[] arguments = breach.arguments().stream()
			.map(a -> a instanceof MessageArgument argument ? argument.inMessages() : a)
			.toArray();
		return new Breach(breach.messageKey(), arguments);
	}
}
