package ru.kredo.plans;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;

/**
 * One payment of a schedule: its number (from 1), the day it is due (in the debtor's time zone; a day off moved to
 * the next working day) and its amount.
 */
public record Instalment(int number, LocalDate due, Money amount) {

	public Instalment {
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(amount, "amount");
		if (number < 1 || amount.isZero()) {
			throw new IllegalArgumentException("Instalment " + number + " of " + amount);
		}
	}
}
