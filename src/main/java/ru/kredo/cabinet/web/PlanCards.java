package ru.kredo.cabinet.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.kredo.collections.Debt;
import ru.kredo.money.Money;
import ru.kredo.plans.Plan;
import ru.kredo.plans.PlanInstalment;
import ru.kredo.plans.PlanPolicy;
import ru.kredo.plans.PlanQuotes;
import ru.kredo.plans.PlanStatus;
import ru.kredo.plans.Plans;
import ru.kredo.platform.web.TimeDisplay;

/**
 * A debt's restructuring plan as its debtor reads it on the debt's page: the plan being considered, proposed, awaiting
 * his signature, running (each instalment's state, the next payment, what is overdue and by when the plan breaks, the
 * repairs he may still make), or how the last one ended (declined with the agency's reason, broken, completed).
 */
@Component
class PlanCards {

	private static final String DATE = "dd.MM.yyyy";

	private final Plans plans;
	private final PlanQuotes quotes;
	private final TimeDisplay time;

	PlanCards(Plans plans, PlanQuotes quotes, TimeDisplay time) {
		this.plans = plans;
		this.quotes = quotes;
		this.time = time;
	}

	/** One instalment as the page shows it; {@code state} is {@code paid}, {@code part}, {@code overdue} or {@code due}, or {@code unpaid} in a plan that broke. */
	record Row(int number, String due, String amount, String paid, String state) {
	}

	/**
	 * The agency's registry lowered what the debt owes under the running plan on {@code day} (his), from {@code before}
	 * to {@code after}, and the plan's remaining instalments were recalculated ({@link Plans#reshapes}).
	 */
	record Reshaped(String day, String before, String after) {
	}

	/**
	 * The card. {@code current}: the plan is not final (no new request may be made meanwhile). {@code next*}: the
	 * earliest instalment not paid; {@code payAmount} what the pay form offers. {@code breaksOn}: the last day to catch
	 * up a plan behind; {@code repairsLeft} how many repairs the policy still allows him. {@code reshaped}: each time the
	 * agency's registry lowered the debt under the plan and its instalments were recalculated, so that he sees why his
	 * schedule changed.
	 */
	record Card(String id, String status, boolean current, boolean paused, List<Row> rows, String total, String paid,
			String left, Integer nextNumber, String nextDue, String nextLeft, String payAmount, String overdue,
			String breaksOn, int repairsLeft, String moveEarliest, String moveLatest, String note, String ending,
			boolean agreement, String forgiven, String owedAfter, List<Reshaped> reshaped) {

		/** Whether it is a plan of a discounted sum ({@code forgiven}: the rest its completion forgives). */
		public boolean discounted() {
			return forgiven != null;
		}

		public boolean running() {
			return "ACTIVE".equals(status) || "BEHIND".equals(status);
		}

		public boolean canRepair() {
			return running() && !paused && repairsLeft > 0;
		}
	}

	/**
	 * The card of the debt's plan not final, else of its latest plan, else none; {@code policy} is the one the debt is
	 * under ({@link PlanQuotes#eligibility}), read once by the page for this card and its calculator.
	 */
	Optional<Card> of(Debt debt, PlanPolicy policy) {
		Optional<Plan> current = plans.current(debt.tenantId(), debt.id());
		Optional<Plan> shown = current.isPresent() ? current : plans.ofDebt(debt.tenantId(), debt.id()).stream().findFirst();
		return shown.map(plan -> card(debt, plan, current.isPresent(), policy));
	}

	private Card card(Debt debt, Plan plan, boolean current, PlanPolicy policy) {
		LocalDate today = quotes.today(debt);
		// A plan that ended unpaid asks for nothing more: its unpaid instalments are «не оплачен», not due or overdue.
		boolean ended = plan.status() == PlanStatus.BROKEN;
		List<Row> rows = plan.instalments().stream().map(i -> row(i, today, ended)).toList();
		Optional<PlanInstalment> next = plan.next();
		Money overdue = Money.ofKopecks(plan.instalments().stream()
			.filter(i -> !i.isPaid() && i.due().isBefore(today))
			.mapToLong(i -> i.left().kopecks())
			.sum());
		String breaksOn = plan.status() == PlanStatus.BEHIND && plan.behindSince() != null
				? time.format(plan.behindSince().plusDays(policy.daysToRepair()), DATE) : null;
		int repairsLeft = Math.max(0, policy.repairs() - plan.repairsUsed());
		boolean running = plan.isRunning();
		return new Card(plan.id().toString(), plan.status().name(), current, plan.isPaused(), rows,
				DebtCard.roubles(plan.total()), DebtCard.roubles(plan.paid()), DebtCard.roubles(plan.left()),
				next.map(PlanInstalment::number).orElse(null), next.map(i -> time.format(i.due(), DATE)).orElse(null),
				next.map(i -> DebtCard.roubles(i.left())).orElse(null),
				running ? next.map(i -> DebtCard.plain(i.left())).orElse(null) : null,
				overdue.isZero() ? null : DebtCard.roubles(overdue), breaksOn, repairsLeft, today.toString(),
				today.plusDays(policy.maxDaysToFirst()).toString(), plan.note(),
				plan.ending() == null ? null : plan.ending().name(), plan.signature() != null,
				plan.isDiscounted() ? DebtCard.roubles(plan.forgiven()) : null, DebtCard.roubles(plan.owedAfter()),
				reshaped(debt, plan));
	}

	/** A plan not signed is never reshaped (its signature refuses changed terms): only a signed one is read. */
	private List<Reshaped> reshaped(Debt debt, Plan plan) {
		if (plan.signature() == null) {
			return List.of();
		}
		return plans.reshapes(debt.tenantId(), plan.id()).stream()
			.map(r -> new Reshaped(time.format(r.at().atZone(quotes.zoneOf(debt)), DATE), DebtCard.roubles(r.before()),
					DebtCard.roubles(r.after())))
			.toList();
	}

	private Row row(PlanInstalment instalment, LocalDate today, boolean ended) {
		String state = instalment.isPaid() ? "paid" : ended ? (instalment.paid().isZero() ? "unpaid" : "part")
				: instalment.due().isBefore(today) ? "overdue" : instalment.paid().isZero() ? "due" : "part";
		return new Row(instalment.number(), time.format(instalment.due(), DATE), DebtCard.roubles(instalment.amount()),
				instalment.paid().isZero() ? null : DebtCard.roubles(instalment.paid()), state);
	}
}
