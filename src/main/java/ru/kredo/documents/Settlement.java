package ru.kredo.documents;

import java.time.LocalDate;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * A schedule's settlement terms, when the schedule pays a discounted sum: paid in full and on time, the rest of the
 * debt is forgiven (прощение долга, ст. 415 ГК РФ).
 *
 * @param debt what was owed when the debtor signed
 * @param forgiven what is forgiven once every instalment is paid
 * @param signedOn when the debtor signed the terms with a simple electronic signature
 * @param graceDays how many days late an instalment may be before the settlement lapses
 */
public record Settlement(Money debt, Money forgiven, LocalDate signedOn, int graceDays) {

	public Settlement {
		debt = Kopecks.required(debt, "schedule.amount-invalid");
		forgiven = Kopecks.required(forgiven, "schedule.amount-invalid");
		Objects.requireNonNull(signedOn, "signedOn");
		if (graceDays < 0) {
			throw new Rejected("schedule.amount-invalid");
		}
	}
}
