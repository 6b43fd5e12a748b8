package ru.kredo.plans;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;

/**
 * One instalment of a plan as it is being paid: the {@link Instalment} of its schedule and what has been paid towards
 * it so far (never more than its amount).
 */
public record PlanInstalment(int number, LocalDate due, Money amount, Money paid) {

	public PlanInstalment {
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(amount, "amount");
		paid = paid == null ? Money.ZERO : paid;
		if (number < 1 || amount.isZero() || paid.exceeds(amount)) {
			throw new IllegalArgumentException("Instalment " + number + " of " + amount + ", paid " + paid);
		}
	}

	static PlanInstalment of(Instalment instalment) {
		return new PlanInstalment(instalment.number(), instalment.due(), instalment.amount(), Money.ZERO);
	}

	/** What is still to pay on it. */
	public Money left() {
		return amount.minus(paid);
	}

	public boolean isPaid() {
		return paid.equals(amount);
	}

	/** Unpaid, even in part, after its due date and the grace days: missed as of {@code today}. */
	public boolean missedOn(LocalDate today, int graceDays) {
		return !isPaid() && due.plusDays(graceDays).isBefore(today);
	}
}
