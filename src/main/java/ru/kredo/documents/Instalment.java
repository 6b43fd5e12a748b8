package ru.kredo.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.platform.Rejected;

/** One payment of a schedule: how much, by when. */
public record Instalment(LocalDate dueOn, BigDecimal amount) {

	public Instalment {
		Objects.requireNonNull(dueOn, "dueOn");
		amount = Kopecks.check(amount, "schedule.amount-invalid");
		if (amount.signum() == 0) {
			throw new Rejected("schedule.amount-invalid");
		}
	}
}
