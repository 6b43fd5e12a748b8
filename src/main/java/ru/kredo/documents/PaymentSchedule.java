package ru.kredo.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

/**
 * The payment schedule (график платежей) agreed with the debtor, as the document prints it.
 *
 * @param agreedOn when the agency agreed the schedule
 * @param instalments in date order, each due later than the one before
 * @param issuedOn the date printed on the document
 * @param settlement the settlement the schedule pays, when it pays a discounted sum; {@code null} otherwise
 */
public record PaymentSchedule(Agency agency, PersonName debtor, Contract contract, LocalDate agreedOn,
		List<Instalment> instalments, LocalDate issuedOn, Settlement settlement) {

	/** Ten years of monthly payments; more is a mistake, and would not fit a readable document. */
	static final int MAX_INSTALMENTS = 120;

	public PaymentSchedule {
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(contract, "contract");
		Objects.requireNonNull(agreedOn, "agreedOn");
		Objects.requireNonNull(issuedOn, "issuedOn");
		instalments = List.copyOf(instalments);
		if (instalments.isEmpty() || instalments.size() > MAX_INSTALMENTS) {
			throw new Rejected("schedule.instalments-count", MAX_INSTALMENTS);
		}
		LocalDate previous = agreedOn.minusDays(1);
		for (Instalment instalment : instalments) {
			if (!instalment.dueOn().isAfter(previous)) {
				throw new Rejected("schedule.dates-out-of-order");
			}
			previous = instalment.dueOn();
		}
	}

	/** A schedule of plain instalments, with no settlement. */
	public PaymentSchedule(Agency agency, PersonName debtor, Contract contract, LocalDate agreedOn,
			List<Instalment> instalments, LocalDate issuedOn) {
		this(agency, debtor, contract, agreedOn, instalments, issuedOn, null);
	}

	public Money total() {
		return instalments.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus);
	}
}
