package ru.kredo.collections;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * A debt the agency collects: who owes it, to whom it was originally owed, under which contract, since when it is
 * the agency's, and what is left of it by component.
 * <p>
 * {@code originalTotal} is the claim as it came (the registry's composition); {@code paidBeforeImport} is what the
 * debtor had paid on it outside Kredo when it was uploaded; the balance is the claim less that and less the payments
 * through Kredo, each split over the components in the allocation order, and less what a paid settlement forgave
 * ({@code forgiven}, ст. 415 ГК РФ). So {@link #repaid()}, what was paid, counts both kinds of payment and not the
 * forgiven rest: the claim is what was paid, what was forgiven and what is still owed.
 * {@code daysPastDue} is as of today (or the day the debt closed), counted from the day it fell overdue that the
 * registry gave or that its days past due on the day of the upload imply: it grows as the debt ages.
 * {@code region} and {@code timeZone} (where the debtor lives; the 230-ФЗ contact hours are his local time) are
 * {@code null} when unknown.
 * <p>
 * The debt is an aggregate: its {@link #status} changes only through its own methods, which are pure (they return the
 * debt as it becomes and write nothing) and refuse what may not happen with a {@link Rejected} and a stable code:
 * {@link #pay}, {@link #settle}, {@link #settlementLapsed}, {@link #restructure}, {@link #endPlan}, {@link #dispute},
 * {@link #resolveDispute}, {@link #writeOff} ({@link DebtStatus},
 * {@code docs/debts.md}). {@link Debts} stores what they return, in one place, under the row's lock.
 *
 * @param status where it stands; {@code closedOn} is set exactly when it is {@link DebtStatus#CLOSED}
 * @param closedAs how it closed; {@code null} while it is not closed
 */
public record Debt(DebtId id, TenantId tenantId, ContactId contactId, String originalCreditor, String contractNumber,
		LocalDate contractDate, LocalDate assignmentDate, DebtComponents balance, Money originalTotal,
		Integer daysPastDue, LocalDate closedOn, String region, ZoneId timeZone, Money paidBeforeImport, Money forgiven,
		DebtStatus status, ClosedAs closedAs) {

	public Debt {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(balance, "balance");
		paidBeforeImport = paidBeforeImport == null ? Money.ZERO : paidBeforeImport;
		forgiven = forgiven == null ? Money.ZERO : forgiven;
		status = status == null ? (closedOn == null ? DebtStatus.OPEN : DebtStatus.CLOSED) : status;
		closedAs = status == DebtStatus.CLOSED && closedAs == null ? ClosedAs.PAID : closedAs;
		if ((status == DebtStatus.CLOSED) != (closedOn != null) || (status == DebtStatus.CLOSED) != (closedAs != null)) {
			throw new IllegalArgumentException("Debt " + id + " is " + status + " with closedOn " + closedOn
					+ " and closedAs " + closedAs);
		}
	}

	public Money total() {
		return balance.total();
	}

	/** What the debtor paid on the claim, before the upload and through Kredo; what was forgiven is not in it. */
	public Money repaid() {
		return originalTotal.minus(total()).minus(forgiven);
	}

	public boolean isClosed() {
		return status == DebtStatus.CLOSED;
	}

	/**
	 * What the debtor owes now, the most a payment may bring: under a signed settlement in force, what is left of its
	 * sum (never more than the balance); otherwise the balance; nothing once the debt is closed.
	 */
	public Money owed(Optional<Offer> settlement) {
		if (isClosed()) {
			return Money.ZERO;
		}
		return settlement.filter(o -> o.status() == Offer.Status.ACCEPTED)
			.map(o -> o.leftToPay().min(total()))
			.orElse(total());
	}

	/**
	 * Applies a payment that arrived on {@code day}: up to what is {@link #owed}, split over the components in
	 * {@code order}; the rest is to refund. Towards a settlement in force ({@code settlement}: the debt's accepted
	 * offer on that day, none if it lapsed), the payment that completes its sum forgives the rest (ст. 415 ГК РФ) and
	 * closes the debt as {@link ClosedAs#SETTLED}; a balance paid to zero closes it as {@link ClosedAs#PAID}. A debt
	 * under a settlement that has lapsed is open again. A debt under a restructuring plan stays under it until its
	 * balance is paid to zero (then closed as paid: a plan forgives nothing), or, for a plan combined with a discount,
	 * until the offer it took ({@code settlement}, in force while the plan runs) is paid: then closed as settled. A payment that applies nothing changes
	 * nothing.
	 *
	 * @throws Rejected {@code debt.closed} for a closed debt (paid, settled or written off), {@code payment.amount-required}
	 *     for nothing
	 */
	public AppliedPayment pay(Money amount, LocalDate day, Optional<Offer> settlement, AllocationOrder order) {
		if (isClosed()) {
			throw new Rejected("debt.closed");
		}
		if (amount.isZero()) {
			throw new Rejected("payment.amount-required");
		}
		Optional<Offer> inForce = settlement.filter(o -> o.status() == Offer.Status.ACCEPTED);
		Money applied = amount.min(owed(inForce));
		if (applied.isZero()) {
			return new AppliedPayment(this, applied, new Allocation(Map.of()), amount, false);
		}
		Allocation split = order.allocate(applied, balance);
		DebtComponents afterPayment = balance.minus(split);
		boolean settles = inForce.map(o -> !o.offerAmount().exceeds(o.paidSinceAccepted().plus(applied))).orElse(false);
		Money forgivenNow = settles ? afterPayment.total() : Money.ZERO;
		DebtComponents left = settles ? new DebtComponents(Map.of()) : afterPayment;
		Debt after;
		if (left.total().isZero()) {
			after = with(left, forgiven.plus(forgivenNow), DebtStatus.CLOSED,
					forgivenNow.isZero() ? ClosedAs.PAID : ClosedAs.SETTLED, day);
		}
		else {
			DebtStatus next = status == DebtStatus.DISPUTED || status == DebtStatus.UNDER_PLAN ? status
					: inForce.isPresent() ? DebtStatus.UNDER_SETTLEMENT : DebtStatus.OPEN;
			after = with(left, forgiven, next, null, null);
		}
		return new AppliedPayment(after, applied, split, amount.minus(applied), settles);
	}

	/**
	 * The debtor signed a settlement: the debt is under it until its sum is paid or it lapses.
	 *
	 * @throws Rejected {@code offer.debt-closed} (closed, or nothing owed), {@code debt.disputed},
	 *     {@code offer.already-signed} (already under a settlement), {@code debt.under-plan} (under a restructuring
	 *     plan: its offers are withheld)
	 */
	public Debt settle() {
		switch (status) {
			case CLOSED -> throw new Rejected("offer.debt-closed");
			case DISPUTED -> throw new Rejected("debt.disputed");
			case UNDER_SETTLEMENT -> throw new Rejected("offer.already-signed");
			case UNDER_PLAN -> throw new Rejected("debt.under-plan");
			case OPEN -> {
				if (total().isZero()) {
					throw new Rejected("offer.debt-closed");
				}
			}
		}
		return with(balance, forgiven, DebtStatus.UNDER_SETTLEMENT, null, null);
	}

	/**
	 * The signed settlement lapsed unpaid (a part's date and its grace days passed): the debt is owed in full again,
	 * open, and may be restructured or disputed like any other. The lapse itself is derived from the offer's dates
	 * ({@link Offer}); this records it in the debt's state.
	 *
	 * @throws Rejected {@code debt.not-under-settlement}
	 */
	public Debt settlementLapsed() {
		if (status != DebtStatus.UNDER_SETTLEMENT) {
			throw new Rejected("debt.not-under-settlement");
		}
		return with(balance, forgiven, DebtStatus.OPEN, null, null);
	}

	/**
	 * The debtor signed a restructuring plan: the debt is under it, its whole balance repaid in instalments, until it
	 * is paid ({@link #pay} closes it as paid) or the plan ends ({@link #endPlan}). Its offers are withheld meanwhile.
	 *
	 * @throws Rejected {@code debt.closed}, {@code plan.nothing-owed} (open with nothing owed), {@code debt.disputed},
	 *     {@code debt.under-settlement} (a signed settlement is being paid), {@code debt.already-under-plan}
	 */
	public Debt restructure() {
		switch (status) {
			case CLOSED -> throw new Rejected("debt.closed");
			case DISPUTED -> throw new Rejected("debt.disputed");
			case UNDER_SETTLEMENT -> throw new Rejected("debt.under-settlement");
			case UNDER_PLAN -> throw new Rejected("debt.already-under-plan");
			case OPEN -> {
				if (total().isZero()) {
					throw new Rejected("plan.nothing-owed");
				}
			}
		}
		return with(balance, forgiven, DebtStatus.UNDER_PLAN, null, null);
	}

	/**
	 * The debt's restructuring plan ended unpaid (broken, or ended by the agency): the debt is owed as before, open,
	 * and its offers come back.
	 *
	 * @throws Rejected {@code debt.not-under-plan} for a debt not under a plan (a closed one among them)
	 */
	public Debt endPlan() {
		if (status != DebtStatus.UNDER_PLAN) {
			throw new Rejected("debt.not-under-plan");
		}
		return with(balance, forgiven, DebtStatus.OPEN, null, null);
	}

	/**
	 * The debtor disputes the debt (not his, already paid, a wrong sum): its offers are withheld until the agency
	 * resolves it. A payment that arrives meanwhile still counts. A debt under a restructuring plan is disputed too:
	 * the plan is paused meanwhile (module {@code plans}, which listens to {@link DisputeOpened}), and put back when the
	 * dispute is rejected.
	 *
	 * @throws Rejected {@code debt.closed}, {@code debt.already-disputed}
	 */
	public Debt dispute() {
		return switch (status) {
			case CLOSED -> throw new Rejected("debt.closed");
			case DISPUTED -> throw new Rejected("debt.already-disputed");
			case OPEN, UNDER_SETTLEMENT, UNDER_PLAN -> with(balance, forgiven, DebtStatus.DISPUTED, null, null);
		};
	}

	/**
	 * The agency resolves the dispute on {@code day}: rejected, the debt is owed as before (under its settlement if
	 * one is still in force, {@code settlement}; open otherwise, and a paused plan puts it under the plan again in the
	 * same transaction, {@link #restructure}); upheld, it is written off.
	 *
	 * @throws Rejected {@code debt.not-disputed}
	 */
	public Debt resolveDispute(DisputeOutcome outcome, Optional<Offer> settlement, LocalDate day) {
		if (status != DebtStatus.DISPUTED) {
			throw new Rejected("debt.not-disputed");
		}
		return switch (outcome) {
			case REJECTED -> with(balance, forgiven, settlement.filter(o -> o.status() == Offer.Status.ACCEPTED)
				.isPresent() ? DebtStatus.UNDER_SETTLEMENT : DebtStatus.OPEN, null, null);
			case UPHELD -> closedAs(ClosedAs.WRITTEN_OFF, day);
		};
	}

	/**
	 * The agency writes the debt off on {@code day}: closed with nothing more owed; its balance stays what was owed
	 * when it was written off (nothing was repaid or forgiven to close it).
	 *
	 * @throws Rejected {@code debt.closed}
	 */
	public Debt writeOff(LocalDate day) {
		if (isClosed()) {
			throw new Rejected("debt.closed");
		}
		return closedAs(ClosedAs.WRITTEN_OFF, day);
	}

	private Debt closedAs(ClosedAs how, LocalDate day) {
		return with(balance, forgiven, DebtStatus.CLOSED, how, Objects.requireNonNull(day, "day"));
	}

	private Debt with(DebtComponents newBalance, Money newForgiven, DebtStatus newStatus, ClosedAs newClosedAs,
			LocalDate newClosedOn) {
		return new Debt(id, tenantId, contactId, originalCreditor, contractNumber, contractDate, assignmentDate, newBalance,
				originalTotal, daysPastDue, newClosedOn, region, timeZone, paidBeforeImport, newForgiven, newStatus,
				newClosedAs);
	}
}
