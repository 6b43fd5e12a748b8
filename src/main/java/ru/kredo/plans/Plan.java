package ru.kredo.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * A restructuring plan of one debt: its whole balance ({@code total}, nothing forgiven) — or, combined with a
 * discount, the discount's sum, the rest forgiven once it is all paid ({@link #discountedFrom}) — repaid in the
 * monthly instalments of its schedule, each paid in full or in part ({@link PlanInstalment#paid}).
 * <p>
 * The plan is an aggregate: its {@link #status} changes only through its own methods, which are pure (each returns the
 * plan as it becomes and writes nothing; "today" and the agency's {@link PlanPolicy} are the caller's) and refuse what
 * may not happen with a {@link Rejected} and a stable code {@code plan.*} ({@link PlanStatus},
 * {@code docs/plan-lifecycle.md}). {@link Plans} stores what they return, audits it and publishes its events.
 *
 * @param income the debtor's monthly income as he gave it, {@code null} if he did not
 * @param expenses his monthly expenses as he gave them, {@code null} if he did not
 * @param breaches the codes of the policy's rules ({@link PolicyBreach#code}) the request broke, which sent it to the
 *     agency; none for one approved at once
 * @param signedAt when he signed it, with the texted code's challenge {@code signature}; {@code null} before
 * @param behindSince the first day the plan was behind (an instalment unpaid past its due date and the grace days);
 *     {@code null} while it is not
 * @param pausedSince the day a dispute of the debt paused the plan; {@code null} while it is not paused
 * @param repairsUsed how many times the debtor repaired it himself
 * @param ending why it broke; {@code null} unless {@link PlanStatus#BROKEN}
 * @param note the reason the debtor sees for a decline or an ending by the agency; {@code null} otherwise
 * @param discountedFrom for a plan combined with a discount (the policy's {@link PlanPolicy#withDiscount}), the
 *     debt's balance the discount was made on: the plan repays the discounted sum ({@code total}) and its completion
 *     forgives the rest ({@link #forgiven}); broken, the discount is lost ({@link #owedAfter}). {@code null} for a
 *     plan of the whole balance
 */
public record Plan(UUID id, TenantId tenantId, DebtId debtId, ContactId debtorId, PlanStatus status, PlanReason reason,
		Money income, Money expenses, Money total, List<PlanInstalment> instalments, List<String> breaches,
		LocalDate requestedOn, Instant signedAt, UUID signature, LocalDate behindSince, LocalDate pausedSince,
		int repairsUsed, PlanEnding ending, String note, Money discountedFrom) {

	/** The most characters of a reason given for a decline or an ending. */
	public static final int MAX_NOTE = 2_000;

	public Plan {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(requestedOn, "requestedOn");
		instalments = List.copyOf(instalments);
		breaches = List.copyOf(breaches);
		if (instalments.isEmpty()) {
			throw new IllegalArgumentException("A plan without instalments");
		}
		long sum = instalments.stream().mapToLong(i -> i.amount().kopecks()).sum();
		if (sum != total.kopecks()) {
			throw new IllegalArgumentException("Instalments add up to " + sum + " kopecks, not " + total.kopecks());
		}
		if ((status == PlanStatus.BROKEN) != (ending != null)) {
			throw new IllegalArgumentException("Plan " + id + " is " + status + " ended " + ending);
		}
		if (discountedFrom != null && !discountedFrom.exceeds(total)) {
			throw new IllegalArgumentException("A discount from " + discountedFrom + " to " + total + " forgives nothing");
		}
	}

	/** A request for a plan of the whole balance; see {@link #request(UUID, TenantId, DebtId, ContactId, PlanReason,
	 * Money, Money, Schedule, List, LocalDate, Money)}. */
	public static Plan request(UUID id, TenantId tenant, DebtId debt, ContactId debtor, PlanReason reason, Money income,
			Money expenses, Schedule schedule, List<PolicyBreach> breaches, LocalDate today) {
		return request(id, tenant, debt, debtor, reason, income, expenses, schedule, breaches, today, null);
	}

	/**
	 * A debtor's request for {@code schedule} of his debt on {@code today}: approved at once (awaiting his signature)
	 * when it breaks none of the policy's rules ({@code breaches}, from {@link ScheduleCalculator#breaches} and
	 * {@link PlanPolicy#qualifies}), otherwise {@link PlanStatus#REQUESTED}, in the agency's inbox.
	 *
	 * @throws Rejected {@code plan.reason-required}
	 */
	public static Plan request(UUID id, TenantId tenant, DebtId debt, ContactId debtor, PlanReason reason, Money income,
			Money expenses, Schedule schedule, List<PolicyBreach> breaches, LocalDate today, Money discountedFrom) {
		if (reason == null) {
			throw new Rejected("plan.reason-required");
		}
		return new Plan(id, tenant, debt, debtor, breaches.isEmpty() ? PlanStatus.AWAITING_SIGNATURE : PlanStatus.REQUESTED,
				reason, income, expenses, schedule.total(), schedule.instalments().stream().map(PlanInstalment::of).toList(),
				breaches.stream().map(PolicyBreach::code).distinct().toList(), today, null, null, null, null, 0, null, null,
				discountedFrom);
	}

	/** What is still to pay under the plan. */
	public Money left() {
		return Money.ofKopecks(instalments.stream().mapToLong(i -> i.left().kopecks()).sum());
	}

	/** What has been paid under it. */
	public Money paid() {
		return total.minus(left());
	}

	/** Whether it is a plan of a discounted sum ({@link #discountedFrom}). */
	public boolean isDiscounted() {
		return discountedFrom != null;
	}

	/**
	 * What the plan's completion forgives (ст. 415 ГК РФ): the balance the discount was made on less the plan's total;
	 * nothing for a plan of the whole balance.
	 */
	public Money forgiven() {
		return discountedFrom == null ? Money.ZERO : discountedFrom.minus(total);
	}

	/**
	 * What the debtor owes on the debt as the plan stands: nothing once it is completed; while it has not ended, what
	 * is left of it; once it broke, the balance it was made on less what was paid under it — a discounted plan that
	 * broke has lost its discount, and the whole balance less what was paid is owed again.
	 */
	public Money owedAfter() {
		return switch (status) {
			case COMPLETED -> Money.ZERO;
			case BROKEN -> (discountedFrom == null ? total : discountedFrom).minus(paid());
			default -> left();
		};
	}

	/** The earliest instalment not fully paid, none once all are. */
	public Optional<PlanInstalment> next() {
		return instalments.stream().filter(i -> !i.isPaid()).findFirst();
	}

	public boolean isPaused() {
		return pausedSince != null;
	}

	/** Signed and not ended: payments go to its instalments. */
	public boolean isRunning() {
		return status == PlanStatus.ACTIVE || status == PlanStatus.BEHIND;
	}

	/**
	 * The operator approves a request outside the policy as it is: the debtor signs it next.
	 *
	 * @throws Rejected {@code plan.not-requested}
	 */
	public Plan approve() {
		requireStatus(PlanStatus.REQUESTED, "plan.not-requested");
		return with(PlanStatus.AWAITING_SIGNATURE, instalments, behindSince, pausedSince, repairsUsed, null, null);
	}

	/**
	 * The operator proposes other terms for a request: {@code schedule}, of what the debt owes now; the debtor accepts
	 * or declines them.
	 *
	 * @throws Rejected {@code plan.not-requested}
	 */
	public Plan propose(Schedule schedule) {
		return propose(schedule, null);
	}

	/**
	 * As {@link #propose(Schedule)}, for a discounted plan: {@code schedule} of the offer's sum now, made on the
	 * balance {@code discountedFrom} ({@code null}: of the whole balance).
	 *
	 * @throws Rejected {@code plan.not-requested}
	 */
	public Plan propose(Schedule schedule, Money discountedFrom) {
		requireStatus(PlanStatus.REQUESTED, "plan.not-requested");
		return new Plan(id, tenantId, debtId, debtorId, PlanStatus.PROPOSED, reason, income, expenses, schedule.total(),
				schedule.instalments().stream().map(PlanInstalment::of).toList(), breaches, requestedOn, null, null, null,
				null, 0, null, null, discountedFrom);
	}

	/**
	 * The operator declines a request, with a reason the debtor sees.
	 *
	 * @throws Rejected {@code plan.not-requested}, {@code plan.note-required}, {@code plan.note-too-long}
	 */
	public Plan decline(String why) {
		requireStatus(PlanStatus.REQUESTED, "plan.not-requested");
		return with(PlanStatus.DECLINED, instalments, null, null, repairsUsed, null, checkedNote(why));
	}

	/**
	 * The debtor accepts the terms the agency proposed: he signs them next.
	 *
	 * @throws Rejected {@code plan.not-proposed}
	 */
	public Plan acceptProposal() {
		requireStatus(PlanStatus.PROPOSED, "plan.not-proposed");
		return with(PlanStatus.AWAITING_SIGNATURE, instalments, null, null, repairsUsed, null, null);
	}

	/**
	 * The debtor declines the terms the agency proposed.
	 *
	 * @throws Rejected {@code plan.not-proposed}
	 */
	public Plan declineProposal() {
		requireStatus(PlanStatus.PROPOSED, "plan.not-proposed");
		return with(PlanStatus.DECLINED, instalments, null, null, repairsUsed, null, null);
	}

	/**
	 * The debtor withdraws his request before it runs — while the agency considers it, proposes other terms, or it
	 * awaits his signature: it is declined, and he may ask for another.
	 *
	 * @throws Rejected {@code plan.not-withdrawable} once it is signed, or ended
	 */
	public Plan withdraw() {
		if (status != PlanStatus.REQUESTED && status != PlanStatus.PROPOSED && status != PlanStatus.AWAITING_SIGNATURE) {
			throw new Rejected("plan.not-withdrawable");
		}
		return with(PlanStatus.DECLINED, instalments, null, null, repairsUsed, null, null);
	}

	/**
	 * The debtor signs the plan with a texted code ({@code signature}, the confirmed challenge) at {@code at}: it is
	 * active. The terms must still hold: the debt owes what the plan repays ({@code balance}; a payment since changed
	 * it) and its first instalment is not due before {@code today}.
	 *
	 * @throws Rejected {@code plan.not-awaiting-signature}, {@code plan.terms-changed}
	 */
	public Plan sign(UUID signature, Instant at, Money balance, LocalDate today) {
		return sign(signature, at, balance, Optional.empty(), today);
	}

	/**
	 * As {@link #sign(UUID, Instant, Money, LocalDate)}; a discounted plan also needs the debt's offer still live and
	 * its sum still the plan's ({@code discountedSum}, empty: none is live) on the balance it was made on. The
	 * signature fixes the discount: from now the offer's own dates no longer matter, only the plan's.
	 *
	 * @throws Rejected {@code plan.not-awaiting-signature}, {@code plan.terms-changed}, {@code plan.discount-lapsed}
	 */
	public Plan sign(UUID signature, Instant at, Money balance, Optional<Money> discountedSum, LocalDate today) {
		requireStatus(PlanStatus.AWAITING_SIGNATURE, "plan.not-awaiting-signature");
		Objects.requireNonNull(signature, "signature");
		if (!balance.equals(discountedFrom == null ? total : discountedFrom)
				|| instalments.getFirst().due().isBefore(today)) {
			throw new Rejected("plan.terms-changed");
		}
		if (discountedFrom != null && !discountedSum.map(total::equals).orElse(false)) {
			throw new Rejected("plan.discount-lapsed");
		}
		return new Plan(id, tenantId, debtId, debtorId, PlanStatus.ACTIVE, reason, income, expenses, total, instalments,
				breaches, requestedOn, Objects.requireNonNull(at, "at"), signature, null, null, 0, null, null,
				discountedFrom);
	}

	/**
	 * A payment of {@code amount} applied to the debt on {@code day}: it goes to the earliest instalment not fully
	 * paid, then the next, on schedule, ahead of it or in part; what is beyond the plan's rest is not the plan's. A
	 * plan behind that the payment brings up to date (no instalment missed as of {@code day}) is active again; one
	 * paid in full is completed.
	 *
	 * @throws Rejected {@code plan.not-running} for a plan not signed, or ended
	 */
	public Plan pay(Money amount, LocalDate day, PlanPolicy policy) {
		requireRunning();
		long left = amount.kopecks();
		List<PlanInstalment> paidDown = new ArrayList<>(instalments.size());
		for (PlanInstalment instalment : instalments) {
			long towards = Math.min(left, instalment.left().kopecks());
			left -= towards;
			paidDown.add(towards == 0 ? instalment : new PlanInstalment(instalment.number(), instalment.due(),
					instalment.amount(), instalment.paid().plus(Money.ofKopecks(towards))));
		}
		if (paidDown.stream().allMatch(PlanInstalment::isPaid)) {
			return with(PlanStatus.COMPLETED, paidDown, null, null, repairsUsed, null, null);
		}
		boolean missed = paidDown.stream().anyMatch(i -> i.missedOn(day, policy.graceDays()));
		if (status == PlanStatus.BEHIND && !missed) {
			return with(PlanStatus.ACTIVE, paidDown, null, pausedSince, repairsUsed, null, null);
		}
		return with(status, paidDown, behindSince, pausedSince, repairsUsed, null, null);
	}

	/**
	 * The debt was paid to zero (its last payment, {@link #pay}, or one that came past what the plan knew): every
	 * instalment is settled and the plan is completed.
	 *
	 * @throws Rejected {@code plan.not-running}
	 */
	public Plan complete() {
		requireRunning();
		return with(PlanStatus.COMPLETED, instalments.stream()
			.map(i -> new PlanInstalment(i.number(), i.due(), i.amount(), i.amount()))
			.toList(), null, null, repairsUsed, null, null);
	}

	/**
	 * The day's check on {@code today}: an active plan with an instalment unpaid past its due date and the grace days
	 * falls behind (since the day after the grace days of the earliest such instalment); a plan behind for more than
	 * the days to repair breaks. One move at a time (a plan long missed falls behind first, and breaks at the next
	 * check); a paused plan does not move.
	 *
	 * @return the plan as it becomes; itself when nothing is due
	 */
	public Plan check(LocalDate today, PlanPolicy policy) {
		if (isPaused()) {
			return this;
		}
		if (status == PlanStatus.ACTIVE) {
			return instalments.stream()
				.filter(i -> i.missedOn(today, policy.graceDays()))
				.findFirst()
				.map(missed -> with(PlanStatus.BEHIND, instalments, missed.due().plusDays(policy.graceDays() + 1L), null,
						repairsUsed, null, null))
				.orElse(this);
		}
		if (status == PlanStatus.BEHIND && ChronoUnit.DAYS.between(behindSince, today) > policy.daysToRepair()) {
			return with(PlanStatus.BROKEN, instalments, behindSince, null, repairsUsed, PlanEnding.MISSED, null);
		}
		return this;
	}

	/**
	 * The debtor repairs his plan by moving the earliest instalment not paid to {@code to} (or the next working day):
	 * not before {@code today}, not further off than the policy lets a first instalment be, and before the next
	 * instalment — so the plan is up to date again (with two instalments missed, only a re-plan repairs it,
	 * {@link #replan}); it is active.
	 *
	 * @throws Rejected {@code plan.not-running}, {@code plan.paused}, {@code plan.no-repairs-left},
	 *     {@code plan.repair-date-invalid}
	 */
	public Plan moveInstalment(LocalDate to, LocalDate today, PlanPolicy policy, ScheduleCalculator calculator) {
		requireRepairable(policy);
		PlanInstalment moved = next().orElseThrow(() -> new Rejected("plan.not-running"));
		LocalDate day = calculator.due(to, 0);
		Optional<PlanInstalment> following = instalments.stream().filter(i -> i.number() > moved.number()).findFirst();
		if (to.isBefore(today) || ChronoUnit.DAYS.between(today, day) > policy.maxDaysToFirst()
				|| following.map(f -> !day.isBefore(f.due())).orElse(false)) {
			throw new Rejected("plan.repair-date-invalid", policy.maxDaysToFirst());
		}
		List<PlanInstalment> repaired = instalments.stream()
			.map(i -> i.number() == moved.number() ? new PlanInstalment(i.number(), day, i.amount(), i.paid()) : i)
			.toList();
		return with(PlanStatus.ACTIVE, repaired, null, null, repairsUsed + 1, null, null);
	}

	/**
	 * The debtor repairs his plan by re-planning what is left on {@code terms} from {@code first}, with the same
	 * calculator as a request: the instalments paid stay (one paid in part keeps what was paid), the rest is the new
	 * schedule, which must be within the policy. The plan is active.
	 *
	 * @throws Rejected {@code plan.not-running}, {@code plan.paused}, {@code plan.no-repairs-left},
	 *     {@code plan.repair-outside-policy} ({@link RepairOutsidePolicy}, with the rules the new schedule breaks:
	 *     {@link ScheduleCalculator#breaches}, as for a request)
	 */
	public Plan replan(Terms terms, LocalDate first, LocalDate today, PlanPolicy policy, ScheduleCalculator calculator) {
		requireRepairable(policy);
		Schedule rest = calculator.schedule(left(), terms, first);
		List<PolicyBreach> broken = calculator.breaches(rest, first, today, policy);
		if (!broken.isEmpty()) {
			throw new RepairOutsidePolicy(broken);
		}
		List<PlanInstalment> kept = new ArrayList<>();
		for (PlanInstalment instalment : instalments) {
			if (!instalment.paid().isZero()) {
				kept.add(new PlanInstalment(kept.size() + 1, instalment.due(), instalment.paid(), instalment.paid()));
			}
		}
		int paidCount = kept.size();
		for (Instalment instalment : rest.instalments()) {
			kept.add(new PlanInstalment(paidCount + instalment.number(), instalment.due(), instalment.amount(), Money.ZERO));
		}
		return with(PlanStatus.ACTIVE, kept, null, null, repairsUsed + 1, null, null);
	}

	/**
	 * The agency ends a running plan with a reason the debtor sees: it is broken and the debt owed as before.
	 *
	 * @throws Rejected {@code plan.not-running}, {@code plan.note-required}, {@code plan.note-too-long}
	 */
	public Plan end(String why) {
		requireRunning();
		return with(PlanStatus.BROKEN, instalments, behindSince, null, repairsUsed, PlanEnding.BY_AGENCY,
				checkedNote(why));
	}

	/**
	 * The debt was written off while the plan ran (a dispute upheld, or the agency's decision): nothing more is owed
	 * under it, and it ends.
	 *
	 * @throws Rejected {@code plan.not-running}
	 */
	public Plan debtWrittenOff() {
		requireRunning();
		return with(PlanStatus.BROKEN, instalments, behindSince, null, repairsUsed, PlanEnding.DEBT_WRITTEN_OFF, null);
	}

	/**
	 * The debt was closed outside the plan's own payments while it ran — the agency's registry shows it paid: nothing
	 * more is owed under the plan, and it ends ({@link PlanEnding#DEBT_CLOSED}).
	 *
	 * @throws Rejected {@code plan.not-running}
	 */
	public Plan debtClosed() {
		requireRunning();
		return with(PlanStatus.BROKEN, instalments, behindSince, null, repairsUsed, PlanEnding.DEBT_CLOSED, null);
	}

	/**
	 * The agency's registry says the debt owes more than the plan has left to pay: the plan he signed no longer covers
	 * it, and it ends ({@link PlanEnding#BALANCE_RAISED}); the debt is owed as the registry says, open with its offers,
	 * and he may ask for a new plan.
	 *
	 * @throws Rejected {@code plan.not-running}
	 */
	public Plan balanceRaised() {
		requireRunning();
		return with(PlanStatus.BROKEN, instalments, behindSince, null, repairsUsed, PlanEnding.BALANCE_RAISED, null);
	}

	/**
	 * The agency's registry lowered the debt to {@code balance}, less than the plan has left to pay (money the
	 * assignor received, a correction): the plan is reshaped to what is owed — the instalments keep their dates and
	 * amounts from the first, and the difference comes off the last unpaid ones, from the end (an instalment paid in
	 * part keeps what was paid, one left with nothing is dropped), so he pays the same each month and finishes sooner.
	 * Its state stays: a cut from the end never reaches the earliest instalment unpaid while anything is owed, so a plan
	 * behind is still behind on it. Nothing is forgiven: the plan repays the whole balance, as before.
	 *
	 * @throws Rejected {@code plan.not-running}
	 * @throws IllegalArgumentException a balance not above zero (the debt closed: {@link #debtClosed}) or not below
	 *     what is left
	 */
	public Plan lowered(Money balance) {
		requireRunning();
		if (balance.kopecks() <= 0 || balance.kopecks() >= left().kopecks()) {
			throw new IllegalArgumentException("Not a lower balance for plan " + id + ": " + balance + " of " + left());
		}
		long cut = left().kopecks() - balance.kopecks();
		List<PlanInstalment> reshaped = new ArrayList<>(instalments);
		for (int n = reshaped.size() - 1; n >= 0 && cut > 0; n--) {
			PlanInstalment last = reshaped.get(n);
			long off = Math.min(cut, last.left().kopecks());
			cut -= off;
			Money amount = last.amount().minus(Money.ofKopecks(off));
			if (amount.isZero()) {
				reshaped.remove(n);
			}
			else {
				reshaped.set(n, new PlanInstalment(last.number(), last.due(), amount, last.paid()));
			}
		}
		Money newTotal = Money.ofKopecks(reshaped.stream().mapToLong(i -> i.amount().kopecks()).sum());
		return new Plan(id, tenantId, debtId, debtorId, status, reason, income, expenses, newTotal, reshaped, breaches,
				requestedOn, signedAt, signature, behindSince, pausedSince, repairsUsed, null, note, discountedFrom);
	}

	/**
	 * A dispute of the debt pauses the running plan on {@code today}: nothing is missed while it is.
	 *
	 * @throws Rejected {@code plan.not-running}, {@code plan.paused}
	 */
	public Plan pause(LocalDate today) {
		requireRunning();
		if (isPaused()) {
			throw new Rejected("plan.paused");
		}
		return with(status, instalments, behindSince, Objects.requireNonNull(today, "today"), repairsUsed, null, null);
	}

	/**
	 * The dispute was rejected on {@code today}: the plan runs again, and every instalment not fully paid, and the
	 * time behind, moves on by the days it was paused (a due date to the next working day), so the dispute costs the
	 * debtor no day.
	 *
	 * @throws Rejected {@code plan.not-paused}
	 */
	public Plan resume(LocalDate today, ScheduleCalculator calculator) {
		if (!isPaused() || !isRunning()) {
			throw new Rejected("plan.not-paused");
		}
		long days = Math.max(0, ChronoUnit.DAYS.between(pausedSince, today));
		List<PlanInstalment> moved = instalments.stream()
			.map(i -> i.isPaid() || days == 0 ? i
					: new PlanInstalment(i.number(), calculator.due(i.due().plusDays(days), 0), i.amount(), i.paid()))
			.toList();
		return with(status, moved, behindSince == null ? null : behindSince.plusDays(days), null, repairsUsed, null, null);
	}

	private void requireRepairable(PlanPolicy policy) {
		requireRunning();
		if (isPaused()) {
			throw new Rejected("plan.paused");
		}
		if (repairsUsed >= policy.repairs()) {
			throw new Rejected("plan.no-repairs-left", policy.repairs());
		}
	}

	private void requireRunning() {
		if (!isRunning()) {
			throw new Rejected("plan.not-running");
		}
	}

	private void requireStatus(PlanStatus required, String code) {
		if (status != required) {
			throw new Rejected(code);
		}
	}

	static String checkedNote(String why) {
		String text = why == null ? "" : why.strip();
		if (text.isEmpty()) {
			throw new Rejected("plan.note-required");
		}
		if (text.length() > MAX_NOTE) {
			throw new Rejected("plan.note-too-long", MAX_NOTE);
		}
		return text;
	}

	private Plan with(PlanStatus newStatus, List<PlanInstalment> newInstalments, LocalDate newBehindSince,
			LocalDate newPausedSince, int newRepairsUsed, PlanEnding newEnding, String newNote) {
		return new Plan(id, tenantId, debtId, debtorId, newStatus, reason, income, expenses, total, newInstalments,
				breaches, requestedOn, signedAt, signature, newBehindSince, newPausedSince, newRepairsUsed, newEnding,
				newNote == null ? note : newNote, discountedFrom);
	}
}
