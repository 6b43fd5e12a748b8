package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/** One payment of a schedule: how much, by when. */
public record Instalment(LocalDate dueOn, Money amount) {

	public Instalment {
		Objects.requireNonNull(dueOn, "dueOn");
		amount = Kopecks.required(amount, "schedule.amount-invalid");
		if (amount.isZero()) {
			throw new Rejected("schedule.amount-invalid");
		}
	}
}
