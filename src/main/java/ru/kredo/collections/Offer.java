package ru.kredo.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ru.kredo.money.Money;

/**
 * A pre-approved discount on a debt: pay {@code offerAmount} instead of {@code fullAmount}, and the rest is forgiven
 * (прощение долга, ст. 415 ГК РФ). {@code ruleName} says which rule made it. Open until {@code validUntil}; once
 * accepted it is paid by its {@code schedule}: the first part by {@code validUntil}, each next one a
 * {@link PartInterval} later. Payments count against the parts in order, so paying more than a part pays ahead.
 * <p>
 * Its {@link #status} is as of the day it was read: an open offer past its date, or an accepted one with a part still
 * unpaid after that part's date and the policy's grace, has {@code LAPSED} — derived, never stored, so it needs no
 * job to happen on time.
 *
 * @param schedule the parts agreed on acceptance; empty before
 * @param acceptedAt when the debtor signed it; {@code null} before
 * @param signedTerms the terms as the debtor read and signed them; {@code null} before
 */
public record Offer(UUID id, DebtId debtId, String ruleName, int discountPercent, Money fullAmount, Money offerAmount,
		LocalDate validUntil, Status status, Money paidSinceAccepted, PartPolicy policy, List<OfferPart> schedule,
		Instant acceptedAt, String signedTerms) {

	public enum Status {
		OFFERED, ACCEPTED, PAID, LAPSED
	}

	public Offer {
		schedule = List.copyOf(schedule);
	}

	public Money saved() {
		return fullAmount.minus(offerAmount);
	}

	/** What is still to pay on an accepted offer. */
	public Money leftToPay() {
		return paidSinceAccepted.exceeds(offerAmount) ? Money.ZERO : offerAmount.minus(paidSinceAccepted);
	}

	/** The schedule the offer would get if accepted now to be paid in {@code parts}. */
	public List<OfferPart> scheduleFor(int parts) {
		return policy.schedule(offerAmount, parts, validUntil);
	}

	/** How much of this part the payments so far have covered, counting the parts in order. */
	public Money paidTowards(OfferPart part) {
		long before = schedule.stream().filter(p -> p.number() < part.number()).mapToLong(p -> p.amount().kopecks()).sum();
		long covered = Math.min(part.amount().kopecks(), paidSinceAccepted.kopecks() - before);
		return Money.ofKopecks(Math.max(0, covered));
	}

	/** The first part not yet fully paid; none when all are. */
	public Optional<OfferPart> nextPart() {
		return schedule.stream().filter(p -> p.amount().exceeds(paidTowards(p))).findFirst();
	}

	/** What the next part still needs: the least a payment should bring to keep the offer. */
	public Money dueNext() {
		return nextPart().map(p -> p.amount().minus(paidTowards(p))).orElse(Money.ZERO);
	}

	/** The last day a part may be paid before the offer lapses: its due date plus the grace. */
	public LocalDate deadline(OfferPart part) {
		return part.dueOn().plusDays(policy.graceDays());
	}

	/** Whether the debtor signed it (it may since have been paid or have lapsed). */
	public boolean wasAccepted() {
		return acceptedAt != null;
	}

	/** The offer as it stands on {@code today} (a date in Moscow): lapsed if its date or a part's deadline passed. */
	public Offer on(LocalDate today) {
		boolean lapsed = switch (status) {
			case OFFERED -> validUntil.isBefore(today);
			case ACCEPTED -> nextPart().map(part -> deadline(part).isBefore(today)).orElse(false);
			case PAID, LAPSED -> false;
		};
		return lapsed ? new Offer(id, debtId, ruleName, discountPercent, fullAmount, offerAmount, validUntil, Status.LAPSED,
				paidSinceAccepted, policy, schedule, acceptedAt, signedTerms) : this;
	}

	/** The discounted sum: the discount is rounded down to the kopeck, so the debtor never pays a fraction more. */
	static Money discounted(Money full, int percent) {
		return full.minus(Money.ofKopecks(full.kopecks() * percent / 100));
	}
}
